// The Rust/WASM NN-descent and UMAP of Embedding Atlas (Apple), seeded. The package exports them from
// its root only beside its whole user interface (which needs peer packages a pipeline has no use
// for), so the module of the two functions is imported by its path.
export { createNNDescent, createUMAPFromKNN } from '../../../node_modules/embedding-atlas/dist/umap.js';
