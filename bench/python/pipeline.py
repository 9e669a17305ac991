"""The talentflow benchmark pipeline in pandas + networkx and pandas + python-igraph.

Same files, same stages as bench/run.ts: read + validate, resolve places (a lookup-table merge:
what an analyst without talentflow's resolver would do), derive moves (timelines), aggregate
flows, build the graph, each analysis, exports. pandas stages run once and are shared by both
graph libraries. Prints one JSON object: {"stages": [{"name", "impl", "wall_ms", "cpu_ms", "peak_mb"}], ...}.

Run with Debian's interpreter: /usr/bin/python3 bench/python/pipeline.py --kind moves --file F --lookup L --out D
"""
import argparse
import json
import os
import re
import sys
import time

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd

STAGES = []


def reset_peak():
    try:
        with open('/proc/self/clear_refs', 'w') as f:
            f.write('5')
    except OSError:
        pass


def peak_mb():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmHWM:'):
                return int(line.split()[1]) / 1024
    return 0.0


def stage(name, impl, fn):
    reset_peak()
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    STAGES.append({'name': name, 'impl': impl, 'wall_ms': (time.perf_counter() - w0) * 1000,
                   'cpu_ms': (time.process_time() - c0) * 1000, 'peak_mb': peak_mb()})
    return out


YEAR = re.compile(r'^\d+(\.0*)?$')


def read_validate(path, kind):
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
    for c in df.columns:
        df[c] = df[c].str.strip()
    ok = df['researcher_id'] != ''
    year = pd.to_numeric(df['year'].where(df['year'].str.fullmatch(r'\d+(\.0*)?')), errors='coerce')
    ok &= year.between(1900, 2100)
    if kind == 'moves':
        ok &= (df['from'] != '') & (df['to'] != '')
        ok &= ~((df['from'].str.lower() == df['to'].str.lower()) & (df['from_country'].str.lower() == df['to_country'].str.lower()))
    else:
        ok &= df['place'] != ''
        pubs = pd.to_numeric(df['publications'], errors='coerce')
        ok &= (pubs >= 1) & (pubs == pubs.round())
        df['publications'] = pubs
    df['year'] = year
    problems = int((~ok).sum())
    df = df[ok].copy()
    df['year'] = df['year'].astype('int32')
    if kind == 'timelines':
        df['publications'] = df['publications'].astype('int32')
    return df, problems


def resolve(df, lookup, kind):
    if kind == 'moves':
        a = lookup.rename(columns={'name': 'from', 'country': 'from_country', 'id': 's'})
        b = lookup.rename(columns={'name': 'to', 'country': 'to_country', 'id': 't'})
        out = df.merge(a, on=['from', 'from_country'], how='inner').merge(b, on=['to', 'to_country'], how='inner')
        return out[['researcher_id', 's', 't', 'year', 'discipline']]
    a = lookup.rename(columns={'name': 'place', 'country': 'country', 'id': 'p'})
    out = df.merge(a, on=['place', 'country'], how='inner')
    return out[['researcher_id', 'year', 'p', 'publications', 'discipline']]


def derive(rows, window=(2019, 2023)):
    """Place per researcher-year (most publications, ties → first id), moves, SET stock per place."""
    w0, w1 = window
    ryp = rows.groupby(['researcher_id', 'year', 'p'], sort=False, as_index=False)['publications'].sum()
    ryp = ryp.sort_values(['researcher_id', 'year', 'publications', 'p'], ascending=[True, True, False, True])
    total = ryp.groupby(['researcher_id', 'year'], sort=False)['publications'].transform('sum')
    ryp['total'] = total
    ry = ryp.drop_duplicates(['researcher_id', 'year'], keep='first')
    prev = ry.groupby('researcher_id', sort=False)['p'].shift()
    mv = ry.assign(s=prev)[prev.notna() & (prev != ry['p'])]
    disc = rows.groupby(['researcher_id', 'discipline'], as_index=False)['publications'].sum()
    disc = disc.sort_values(['researcher_id', 'publications', 'discipline'], ascending=[True, False, True]).drop_duplicates('researcher_id')
    moves = mv.rename(columns={'p': 't'})[['researcher_id', 's', 't', 'year']].merge(disc[['researcher_id', 'discipline']], on='researcher_id', how='left')
    inwin = ry[(ry.year >= w0) & (ry.year <= w1)]
    g = inwin.groupby('researcher_id')
    stats = pd.DataFrame({'pubs': g['total'].sum(), 'recent': inwin[inwin.year >= w1 - 2].groupby('researcher_id')['total'].sum()}).fillna(0)
    first = ry.groupby('researcher_id')['year'].min()
    home = inwin.groupby('researcher_id').tail(1).set_index('researcher_id')
    active = stats[(stats.pubs >= 3) & (stats.recent >= 1)].index
    h = home.loc[active]
    age = h['year'] - first.loc[active]
    pre = rows[rows.year < w0][['researcher_id', 'p']].drop_duplicates()
    pre_home = pre.merge(h['p'].rename('home').reset_index(), on='researcher_id')
    stayed = set(pre_home.loc[pre_home.p == pre_home.home, 'researcher_id'])
    flowed = pd.Series([(first.loc[r] < w0) and (r not in stayed) for r in active], index=active)
    stock = pd.DataFrame({'home': h['p'], 'young': age <= 5, 'flowed': flowed, 'discipline': disc.set_index('researcher_id')['discipline'].reindex(active)})
    per_place = stock.groupby('home').agg(stock=('young', 'size'), young=('young', 'sum'), inflow=('flowed', 'sum'))
    return moves, per_place, stock


def aggregate(moves):
    edges = moves.groupby(['s', 't'], as_index=False).agg(weight=('year', 'size'), researchers=('researcher_id', 'nunique'))
    by_year = moves.groupby(['s', 't', 'year']).size()
    by_disc = moves.groupby(['s', 't', 'discipline']).size()
    return edges, by_year, by_disc


def threshold(edges, max_edges=5000):
    w = np.sort(edges['weight'].to_numpy())[::-1]
    t = int(w[max_edges]) + 1 if len(w) > max_edges else 1
    return t


def rai_table(by_disc_target):
    m = by_disc_target.unstack(fill_value=0)
    share = m.div(m.sum(axis=1), axis=0)
    world = m.sum(axis=0) / m.values.sum()
    return share.div(world, axis=1)


def top_sources(edges, k=5, min_weight=100):
    e = edges[edges.weight >= min_weight].sort_values(['t', 'weight', 's'], ascending=[True, False, True])
    return e.groupby('t').head(k)


def run_networkx(edges, by_disc_target, t_min):
    G = stage('graph build', 'networkx', lambda: nx.from_pandas_edgelist(edges, 's', 't', ['weight', 'researchers'], create_using=nx.DiGraph))
    stage('strength', 'networkx', lambda: (dict(G.in_degree(weight='weight')), dict(G.out_degree(weight='weight'))))
    stage('pagerank', 'networkx', lambda: nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-10, max_iter=1000))
    stage('hits', 'networkx', lambda: nx.hits(G, max_iter=1000, tol=1e-10))

    def betweenness():
        H = nx.DiGraph()
        H.add_weighted_edges_from(((s, t, 1.0 / w) for s, t, w in edges[['s', 't', 'weight']].itertuples(index=False) if w >= t_min), weight='length')
        return nx.betweenness_centrality(H, weight='length', normalized=True)
    stage('betweenness (thresholded)', 'networkx', betweenness)

    def louvain():
        U = nx.Graph()
        sym = edges.assign(a=edges[['s', 't']].min(axis=1), b=edges[['s', 't']].max(axis=1)).groupby(['a', 'b'])['weight'].sum()
        U.add_weighted_edges_from(((a, b, w) for (a, b), w in sym.items()))
        return nx.community.louvain_communities(U, weight='weight', resolution=1, seed=42)
    stage('louvain', 'networkx', louvain)
    stage('rai', 'networkx', lambda: rai_table(by_disc_target))
    stage('top sources', 'networkx', lambda: top_sources(edges))
    return G


def run_igraph(edges, by_disc_target, t_min):
    G = stage('graph build', 'igraph', lambda: ig.Graph.DataFrame(edges[['s', 't', 'weight', 'researchers']], directed=True, use_vids=False))
    stage('strength', 'igraph', lambda: (G.strength(mode='in', weights='weight'), G.strength(mode='out', weights='weight')))
    stage('pagerank', 'igraph', lambda: G.pagerank(damping=0.85, weights='weight'))
    stage('hits', 'igraph', lambda: (G.hub_score(weights='weight'), G.authority_score(weights='weight')))

    def betweenness():
        sub = edges[edges.weight >= t_min]
        H = ig.Graph.DataFrame(sub.assign(length=1.0 / sub.weight)[['s', 't', 'length']], directed=True, use_vids=False)
        return H.betweenness(directed=True, weights='length')
    stage('betweenness (thresholded)', 'igraph', betweenness)

    def louvain():
        U = G.as_undirected(mode='collapse', combine_edges={'weight': 'sum'})
        return U.community_multilevel(weights='weight', resolution=1)
    stage('louvain', 'igraph', louvain)
    stage('rai', 'igraph', lambda: rai_table(by_disc_target))
    stage('top sources', 'igraph', lambda: top_sources(edges))
    return G


def export(impl, G, edges, out):
    os.makedirs(out, exist_ok=True)
    if impl == 'networkx':
        nodes = pd.DataFrame({'id': list(G.nodes), 'inflow': [d for _, d in G.in_degree(weight='weight')]})
        with open(os.path.join(out, 'graph.json'), 'w') as f:
            json.dump(nx.node_link_data(G), f)
    else:
        nodes = pd.DataFrame({'id': G.vs['name'], 'inflow': G.strength(mode='in', weights='weight')})
        G.write_graphml(os.path.join(out, 'graph.graphml'))
    nodes.to_csv(os.path.join(out, 'places.csv'), index=False)
    edges.to_csv(os.path.join(out, 'flows.csv'), index=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kind', choices=['moves', 'timelines'], required=True)
    ap.add_argument('--file', required=True)
    ap.add_argument('--lookup', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--max-betweenness-edges', type=int, default=5000)
    a = ap.parse_args()
    lookup = pd.read_csv(a.lookup, dtype=str, keep_default_na=False)
    df, problems = stage('read + validate', 'pandas', lambda: read_validate(a.file, a.kind))
    rows = stage('resolve places', 'pandas', lambda: resolve(df, lookup, a.kind))
    del df
    if a.kind == 'timelines':
        moves, _, stock = stage('derive moves', 'pandas', lambda: derive(rows))
        by_disc_target = stock.dropna(subset=['discipline']).groupby(['home', 'discipline']).size()
    else:
        moves = rows
    edges, by_year, by_disc = stage('aggregate flows', 'pandas', lambda: aggregate(moves))
    if a.kind == 'moves':
        by_disc_target = by_disc.groupby(level=['t', 'discipline']).sum()
    t_min = threshold(edges, a.max_betweenness_edges)
    G = run_networkx(edges, by_disc_target, t_min)
    stage('exports', 'networkx', lambda: export('networkx', G, edges, os.path.join(a.out, 'networkx')))
    del G
    H = run_igraph(edges, by_disc_target, t_min)
    stage('exports', 'igraph', lambda: export('igraph', H, edges, os.path.join(a.out, 'igraph')))
    json.dump({'stages': STAGES, 'rows': int(len(rows)), 'problems': problems, 'nodes': int(H.vcount()), 'edges': int(len(edges)),
               'betweennessMinWeight': t_min,
               'versions': {'python': sys.version.split()[0], 'pandas': pd.__version__, 'networkx': nx.__version__, 'igraph': ig.__version__}}, sys.stdout)


if __name__ == '__main__':
    main()
