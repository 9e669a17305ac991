"""Whole-process comparison pipelines for bench/end-to-end.ts: one Python process reads a moves CSV
and does what `talentflow analyze` does by default, with one graph library.

    /usr/bin/python3 bench/python/whole.py --lib networkx|igraph --file moves.csv --out DIR

Steps (pipeline.py's, in one process): read + validate (pandas), places = the distinct
(name, country) pairs (no gazetteer, no metro areas, no suggestions: an analyst's shortcut),
aggregate flows (weight, distinct researchers, by year, by discipline), build the graph,
strength, PageRank, HITS, betweenness on the strongest <= 5,000 flows, Louvain, RAI by inflow,
top sources, then places.csv, flows.csv and node-link JSON (networkx) / GraphML (igraph).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import pipeline as p  # noqa: E402
import pandas as pd  # noqa: E402

# The whole process is measured from outside (peak RSS at exit): never reset the high-water mark.
p.reset_peak = lambda: None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--lib', choices=['networkx', 'igraph'], required=True)
    ap.add_argument('--file', required=True)
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    df, _ = p.read_validate(a.file, 'moves')
    ends = pd.concat([df[['from', 'from_country']].set_axis(['name', 'country'], axis=1), df[['to', 'to_country']].set_axis(['name', 'country'], axis=1)])
    lookup = ends.drop_duplicates().reset_index(drop=True)
    lookup['id'] = lookup['name'] + ', ' + lookup['country']
    moves = p.resolve(df, lookup, 'moves')
    del df
    edges, _by_year, by_disc = p.aggregate(moves)
    by_disc_target = by_disc.groupby(level=['t', 'discipline']).sum()
    t_min = p.threshold(edges, 5000)
    G = p.run_networkx(edges, by_disc_target, t_min) if a.lib == 'networkx' else p.run_igraph(edges, by_disc_target, t_min)
    p.export(a.lib, G, edges, a.out)


if __name__ == '__main__':
    main()
