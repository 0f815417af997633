//! Computed fields that depend on themselves, directly or through others,
//! have no value: such a cycle is a template problem, reported at load on
//! every computed field in it.

use super::{FieldKind, Group, Template};
use crate::issue::{Code, Issue};

/// One computed field: its schema path (slots from the root), the pointer
/// of its expression, and the schema paths its expression reads.
struct Node {
    path: Vec<usize>,
    at: String,
    reads: Vec<Vec<usize>>,
}

/// Reports every computed field that lies on a cycle: a strongly connected
/// component of the "reads" graph with more than one field, or a field that
/// reads itself (Tarjan's algorithm, iterative, linear in the graph).
pub(super) fn check_cycles(t: &Template, problems: &mut Vec<Issue>) {
    let mut nodes = Vec::new();
    collect(&t.root, &mut Vec::new(), &mut nodes);
    let n = nodes.len();
    // Edge i → j: i reads j's value (or a container holding it).
    let edges: Vec<Vec<usize>> = (0..n)
        .map(|i| {
            (0..n)
                .filter(|&j| {
                    nodes[i]
                        .reads
                        .iter()
                        .any(|r| r.starts_with(&nodes[j].path) || nodes[j].path.starts_with(r))
                })
                .collect()
        })
        .collect();
    for component in strongly_connected(&edges) {
        let cyclic = component.len() > 1 || edges[component[0]].contains(&component[0]);
        if cyclic {
            let mut members = component;
            members.sort_unstable();
            for i in members {
                problems.push(Issue::error(nodes[i].at.clone(), Code::TemplateExpressionCycle));
            }
        }
    }
}

/// Tarjan's strongly connected components, without recursion.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let (mut index, mut low, mut on_stack) = (vec![UNSEEN; n], vec![0; n], vec![false; n]);
    let (mut next, mut stack, mut out) = (0, Vec::new(), Vec::new());
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // (node, position in its edge list)
        let mut work = vec![(root, 0)];
        while let Some(&mut (v, ref mut pos)) = work.last_mut() {
            if *pos == 0 && index[v] == UNSEEN {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*pos) {
                *pos += 1;
                if index[w] == UNSEEN {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                out.push(component);
            }
        }
    }
    out
}

fn collect(g: &Group, owner: &mut Vec<usize>, out: &mut Vec<Node>) {
    for (slot, field) in g.fields.iter().enumerate() {
        match &field.kind {
            FieldKind::Computed { expression, .. } => {
                let Some(expr) = &expression.compiled else { continue };
                let reads = expr
                    .refs()
                    .iter()
                    .map(|r| {
                        let mut p = owner[..r.anchor.min(owner.len())].to_vec();
                        p.extend_from_slice(&r.steps);
                        p
                    })
                    .collect();
                let mut path = owner.clone();
                path.push(slot);
                out.push(Node { path, at: expression.at.clone(), reads });
            }
            FieldKind::Group(inner) => nest(inner, owner, slot, out),
            FieldKind::Repeat(rep) => nest(&rep.item, owner, slot, out),
            _ => {}
        }
    }
}

fn nest(g: &Group, owner: &mut Vec<usize>, slot: usize, out: &mut Vec<Node>) {
    owner.push(slot);
    collect(g, owner, out);
    owner.pop();
}

#[cfg(test)]
mod tests {
    use super::strongly_connected;

    #[test]
    fn components_of_a_small_graph() {
        // 0 → 1 → 2 → 0 is a cycle; 3 → 0 only reads it; 4 reads itself.
        let edges = vec![vec![1], vec![2], vec![0], vec![0], vec![4]];
        let mut got: Vec<Vec<usize>> = strongly_connected(&edges)
            .into_iter()
            .map(|mut c| {
                c.sort_unstable();
                c
            })
            .collect();
        got.sort();
        assert_eq!(got, [vec![0, 1, 2], vec![3], vec![4]]);
    }
}
