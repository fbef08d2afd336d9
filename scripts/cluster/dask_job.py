#!/usr/bin/env python3
"""Runs `npm run preprocess` on a Dask cluster: the fit here, each shard's mapping on a worker, the merge here.

    python3 scripts/cluster/dask_job.py --job <dir> [--scheduler <address> | --local-workers <n>]
        [--shards <n>] -- <preprocess options for the fit: --input, --out, --sample, ...>

The three steps are the command's own (`--job <dir> --stage fit|map|merge`, docs/cluster.md); Dask
only places the shards' mappings on its workers, retries one whose worker is lost, and gathers them.
A worker runs `node scripts/run.mjs preprocess --job <dir> --stage map --shard <i>` in this checkout,
so every worker needs the same checkout path (with `npm ci` run once) and the job folder on a shared
file system. Without --scheduler, a LocalCluster of --local-workers processes on this machine.
"""

import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def preprocess(node, args):
    """The command line of `npm run preprocess -- <args>` in this checkout."""
    return [node, os.path.join(ROOT, "scripts", "run.mjs"), "preprocess", *args]


def map_shard(node, job, shard):
    """Maps one shard on a worker; its one-line result, or an error with the command's own message."""
    done = subprocess.run(preprocess(node, ["--job", job, "--stage", "map", "--shard", str(shard)]), cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["exit code %d" % done.returncode])[-1]
        raise RuntimeError("shard %d: %s" % (shard, last))
    return done.stdout.strip()


def run_here(node, args):
    """Runs a step on this machine, its output passed through; exits with its code when it fails."""
    code = subprocess.run(preprocess(node, args), cwd=os.getcwd()).returncode
    if code != 0:
        sys.exit(code)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--job", required=True, help="the job folder, on a file system every worker reads and writes")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786); default: a LocalCluster")
    parser.add_argument("--local-workers", type=int, default=2, help="worker processes of the LocalCluster (default 2)")
    parser.add_argument("--shards", type=int, help="shards to cut the papers into (default: one per batch)")
    parser.add_argument("--node", default="node", help="the Node.js executable on every machine (default: node)")
    parser.add_argument("fit", nargs=argparse.REMAINDER, help="-- then the options of the fit step")
    args = parser.parse_args()
    fit = args.fit[1:] if args.fit[:1] == ["--"] else args.fit
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        sys.exit("dask_job: dask.distributed is not installed for %s (%s); on Debian: apt install python3-distributed" % (sys.executable, e))

    job = os.path.abspath(args.job)
    started = time.time()
    run_here(args.node, [*fit, "--job", job, "--stage", "fit", *(["--shards", str(args.shards)] if args.shards else [])])
    fitted = time.time()
    with open(os.path.join(job, "job.json")) as f:
        shards = len(json.load(f)["shards"])

    cluster = None if args.scheduler else LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        with Client(args.scheduler or cluster) as client:
            workers = len(client.scheduler_info()["workers"])
            print("mapping %d shard(s) on %d Dask worker(s)" % (shards, workers), flush=True)
            futures = [client.submit(map_shard, args.node, job, s, key="map-shard-%d" % s, pure=False, retries=2) for s in range(shards)]
            failed = []
            for future in as_completed(futures):
                try:
                    print(future.result(), flush=True)
                except Exception as e:  # a shard that failed on every try: the others still finish
                    failed.append(str(e))
            if failed:
                sys.exit("dask_job: %d shard(s) failed: %s; map them again with --stage map --shard <i>, then --stage merge" % (len(failed), "; ".join(sorted(failed))))
    finally:
        if cluster is not None:
            cluster.close()
    mapped = time.time()
    run_here(args.node, ["--job", job, "--stage", "merge"])
    now = time.time()
    print("dask_job: fit %.1f s, %d shard(s) mapped %.1f s, merge %.1f s; %.1f s in all" % (fitted - started, shards, mapped - fitted, now - mapped, now - started), flush=True)


if __name__ == "__main__":
    main()
