/**
 * The keyword network as other network tools read it: VOSviewer's JSON and GraphML. Both carry what
 * the chart shows: the keywords with papers and the links of at least `minLink` shared papers.
 */
import type { Network } from './subsetNetwork';
import { round4 } from '../../pipeline/round';

/** How a network file names each keyword's theme: its colour slot and the theme's name. */
export interface NetworkThemes {
  slotOf: (cluster: number) => number;
  name: (cluster: number) => string;
}

function visible(net: Network, minLink: number) {
  const terms = net.terms.map((t, i) => ({ t, i })).filter(({ t }) => t.count > 0);
  const links = net.links.filter((l) => l.count >= minLink && net.terms[l.s].count > 0 && net.terms[l.t].count > 0);
  return { terms, links };
}

/**
 * VOSviewer (and VOSviewer Online) JSON: `network.items` with id, label, x, y, cluster (1-based) and
 * weights, `network.links` with source_id, target_id and strength (papers in common), and the
 * terminology of a keyword co-occurrence map. Item descriptions are HTML in VOSviewer: escaped.
 */
export function vosviewerJson(net: Network, minLink: number, themes: NetworkThemes): string {
  const { terms, links } = visible(net, minLink);
  const degree = new Map<number, { links: number; strength: number }>();
  for (const l of links)
    for (const i of [l.s, l.t]) {
      const d = degree.get(i) ?? { links: 0, strength: 0 };
      d.links++;
      d.strength += l.count;
      degree.set(i, d);
    }
  const items = terms.map(({ t, i }) => ({
    id: i + 1,
    label: t.term,
    description: `Theme: ${escapeXml(themes.name(t.cluster))}`,
    x: round4(t.x),
    // VOSviewer's y axis points up, the page's down.
    y: round4(-t.y),
    cluster: themes.slotOf(t.cluster) + 1,
    weights: { Links: degree.get(i)?.links ?? 0, 'Total link strength': degree.get(i)?.strength ?? 0, Occurrences: t.count },
  }));
  return JSON.stringify(
    {
      network: { items, links: links.map((l) => ({ source_id: l.s + 1, target_id: l.t + 1, strength: l.count })) },
      config: {
        terminology: { item: 'Keyword', items: 'Keywords', link: 'Co-occurrence link', links: 'Co-occurrence links', link_strength: 'Co-occurrences', total_link_strength: 'Total co-occurrences' },
      },
    },
    null,
    1,
  );
}

/**
 * GraphML (Gephi, Cytoscape, yEd, networkx): nodes with label, theme, papers and position, undirected
 * edges with the papers in common and the association strength. Written here because the graphology
 * GraphML package publishes only a parser (its tests read this output back with it).
 */
export function graphml(net: Network, minLink: number, themes: NetworkThemes): string {
  const { terms, links } = visible(net, minLink);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="theme" for="node" attr.name="theme" attr.type="string"/>',
    '  <key id="papers" for="node" attr.name="papers" attr.type="int"/>',
    '  <key id="x" for="node" attr.name="x" attr.type="double"/>',
    '  <key id="y" for="node" attr.name="y" attr.type="double"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
    '  <key id="strength" for="edge" attr.name="strength" attr.type="double"/>',
    '  <graph id="keywords" edgedefault="undirected">',
  ];
  for (const { t, i } of terms)
    lines.push(
      `    <node id="n${i}"><data key="label">${escapeXml(t.term)}</data><data key="theme">${escapeXml(themes.name(t.cluster))}</data><data key="papers">${t.count}</data><data key="x">${round4(t.x)}</data><data key="y">${round4(t.y)}</data></node>`,
    );
  links.forEach((l, e) => lines.push(`    <edge id="e${e}" source="n${l.s}" target="n${l.t}"><data key="weight">${l.count}</data><data key="strength">${round4(l.strength)}</data></edge>`));
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
