//! Which part of the old version is which part of the new one.
//!
//! 1. Parts with the same author id (and level) match, wherever they stand.
//! 2. Under each matched pair of parents, the parts left over match by content similarity, the
//!    most alike first and, among equals, the nearest in position: a renumbered or reordered
//!    provision without an id still finds itself, and an inserted one matches nothing.
//! 3. What is still left matches across parents when it is nearly the same text (a khoản moved
//!    to another Điều).
//!
//! Then, among the matched children of a matched pair, those outside the longest run kept in
//! order are the ones that moved.

use super::tree::Tree;
use super::words::similarity;
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::HashMap;

/// Least similarity for two parts under matched parents to be the same part.
const SIBLING_THRESHOLD: f32 = 0.5;
/// Least similarity for two parts under different parents to be the same part, moved.
const MOVE_THRESHOLD: f32 = 0.8;

/// The correspondence between the nodes of two trees.
#[derive(Debug, Clone)]
pub struct Matching {
    /// For each old node, its new counterpart.
    pub old_to_new: Vec<Option<usize>>,
    /// For each new node, its old counterpart.
    pub new_to_old: Vec<Option<usize>>,
}

/// Matches the nodes of `old` and `new` (the roots always match).
pub fn match_trees(old: &Tree, new: &Tree) -> Matching {
    let mut m = Matcher {
        old,
        new,
        old_content: (0..old.nodes.len()).map(|i| old.content(i)).collect(),
        new_content: (0..new.nodes.len()).map(|i| new.content(i)).collect(),
        matching: Matching {
            old_to_new: vec![None; old.nodes.len()],
            new_to_old: vec![None; new.nodes.len()],
        },
    };
    m.pair(0, 0);
    m.by_id();
    m.by_position();
    m.across_parents();
    m.by_position();
    m.matching
}

struct Matcher<'a> {
    old: &'a Tree,
    new: &'a Tree,
    old_content: Vec<String>,
    new_content: Vec<String>,
    matching: Matching,
}

impl Matcher<'_> {
    fn pair(&mut self, o: usize, n: usize) {
        self.matching.old_to_new[o] = Some(n);
        self.matching.new_to_old[n] = Some(o);
    }

    fn by_id(&mut self) {
        let mut ids = HashMap::new();
        for (i, node) in self.new.nodes.iter().enumerate() {
            if let Some(id) = &node.id {
                ids.entry((node.level, id.as_str())).or_insert(i);
            }
        }
        for (o, node) in self.old.nodes.iter().enumerate() {
            let Some(id) = &node.id else { continue };
            if let Some(&n) = ids.get(&(node.level, id.as_str()))
                && self.matching.new_to_old[n].is_none()
                && self.matching.old_to_new[o].is_none()
            {
                self.pair(o, n);
            }
        }
    }

    /// Step 2, parents before children (nodes are stored in reading order).
    fn by_position(&mut self) {
        for n in 0..self.new.nodes.len() {
            if let Some(o) = self.matching.new_to_old[n] {
                let olds = self.old.nodes[o].children.clone();
                let news = self.new.nodes[n].children.clone();
                self.greedy(&olds, &news, SIBLING_THRESHOLD);
            }
        }
    }

    fn across_parents(&mut self) {
        let olds: Vec<usize> = (1..self.old.nodes.len()).collect();
        let news: Vec<usize> = (1..self.new.nodes.len()).collect();
        self.greedy(&olds, &news, MOVE_THRESHOLD);
    }

    /// Pairs the unmatched among `olds` and `news` of the same level, most alike first, then
    /// nearest in position, then first in reading order.
    fn greedy(&mut self, olds: &[usize], news: &[usize], threshold: f32) {
        let free = |nodes: &[usize], taken: &[Option<usize>]| -> Vec<(usize, usize)> {
            nodes
                .iter()
                .copied()
                .enumerate()
                .filter(|&(_, i)| taken[i].is_none())
                .collect()
        };
        let free_old = free(olds, &self.matching.old_to_new);
        let free_new = free(news, &self.matching.new_to_old);
        let mut candidates = Vec::new();
        for &(po, o) in &free_old {
            for &(pn, n) in &free_new {
                if self.old.nodes[o].level != self.new.nodes[n].level {
                    continue;
                }
                let score = similarity(&self.old_content[o], &self.new_content[n]);
                if score >= threshold {
                    candidates.push((score, po.abs_diff(pn), o, n));
                }
            }
        }
        candidates.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
                .then(a.3.cmp(&b.3))
        });
        for (_, _, o, n) in candidates {
            if self.matching.old_to_new[o].is_none() && self.matching.new_to_old[n].is_none() {
                self.pair(o, n);
            }
        }
    }
}

impl Matching {
    /// Whether the new node `n`, matched to an old node, stands in another place: under a
    /// parent that is not its old parent's counterpart, or out of order among the siblings of
    /// its level that stayed.
    pub fn moved(&self, old: &Tree, new: &Tree, n: usize) -> bool {
        let Some(o) = self.new_to_old[n] else {
            return false;
        };
        let (Some(np), Some(op)) = (new.nodes[n].parent, old.nodes[o].parent) else {
            return false;
        };
        if self.old_to_new[op] != Some(np) {
            return true;
        }
        let level = new.nodes[n].level;
        // Siblings of the same level that stayed under the same parent, in both orders.
        let new_seq: Vec<usize> = new.nodes[np]
            .children
            .iter()
            .copied()
            .filter(|&c| new.nodes[c].level == level)
            .filter(|&c| self.new_to_old[c].is_some_and(|oc| old.nodes[oc].parent == Some(op)))
            .collect();
        let old_seq: Vec<usize> = old.nodes[op]
            .children
            .iter()
            .filter_map(|&c| self.old_to_new[c])
            .filter(|c| new_seq.contains(c))
            .collect();
        let kept = capture_diff_slices(Algorithm::Myers, &old_seq, &new_seq)
            .into_iter()
            .any(|op| match op {
                DiffOp::Equal { new_index, len, .. } => {
                    new_seq[new_index..new_index + len].contains(&n)
                }
                _ => false,
            });
        !kept
    }
}
