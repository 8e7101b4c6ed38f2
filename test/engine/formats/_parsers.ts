import { parse as parseDotAst, type ClusterStatementASTNode, type GraphASTNode } from '@ts-graphviz/ast';
import { parse as parseCsvText } from 'csv-parse/sync';

/** Parse CSV text with csv-parse (RFC 4180), every record as an array of strings. */
export function parseCsv(text: string): string[][] {
  return parseCsvText(text) as string[][];
}

type Attributes = Record<string, string>;

/** A DOT graph as the tests look at it: graph attributes, clusters, nodes and edges, each with its attributes. */
export interface DotGraph {
  readonly name: string | undefined;
  readonly directed: boolean;
  readonly attributes: Attributes;
  /** Subgraphs by name, with the subgraph they sit in (null at the top). */
  readonly subgraphs: Map<string, { attributes: Attributes; parent: string | null }>;
  /** Declared nodes by id, with the subgraph they are declared in. */
  readonly nodes: Map<string, { attributes: Attributes; subgraph: string | null }>;
  readonly edges: Array<{ from: string; to: string; attributes: Attributes; subgraph: string | null }>;
}

function attributesOf(children: readonly ClusterStatementASTNode[] | readonly { type: string }[]): Attributes {
  const out: Attributes = {};
  for (const child of children as ClusterStatementASTNode[]) {
    if (child.type === 'Attribute') out[child.key.value] = child.value.value;
  }
  return out;
}

/** Parse DOT text with @ts-graphviz/ast (a full DOT grammar) into a {@link DotGraph}; throws on a syntax error. */
export function parseDot(text: string): DotGraph {
  const dot = parseDotAst(text);
  const graphs = dot.children.filter((c): c is GraphASTNode => c.type === 'Graph');
  if (graphs.length !== 1) throw new Error(`expected one graph, found ${graphs.length}`);
  const graph = graphs[0]!;
  const result: DotGraph = {
    name: graph.id?.value,
    directed: graph.directed,
    attributes: {},
    subgraphs: new Map(),
    nodes: new Map(),
    edges: [],
  };
  const walk = (statements: readonly ClusterStatementASTNode[], subgraph: string | null): void => {
    for (const s of statements) {
      if (s.type === 'Attribute') {
        Object.assign(subgraph === null ? result.attributes : result.subgraphs.get(subgraph)!.attributes, { [s.key.value]: s.value.value });
      } else if (s.type === 'AttributeList' && s.kind === 'Graph') {
        Object.assign(subgraph === null ? result.attributes : result.subgraphs.get(subgraph)!.attributes, attributesOf(s.children));
      } else if (s.type === 'Node') {
        result.nodes.set(s.id.value, { attributes: attributesOf(s.children), subgraph });
      } else if (s.type === 'Edge') {
        const ids = s.targets.map((t) => (t.type === 'NodeRef' ? t.id.value : '(group)'));
        for (let i = 1; i < ids.length; i++) result.edges.push({ from: ids[i - 1]!, to: ids[i]!, attributes: attributesOf(s.children), subgraph });
      } else if (s.type === 'Subgraph') {
        const name = s.id?.value ?? `(anonymous ${result.subgraphs.size})`;
        result.subgraphs.set(name, { attributes: {}, parent: subgraph });
        walk(s.children, name);
      }
    }
  };
  walk(graph.children, null);
  return result;
}
