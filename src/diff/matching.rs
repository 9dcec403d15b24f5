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
//!
//! Steps 2 and 3 cost time near-linear in the number of parts: parts with the same words pair
//! first through a hash map (the most alike of all, nearest first), and only what is left is
//! compared pair by pair — every pair while they are at most [`PAIR_BUDGET`], else each part
//! with the [`WINDOW`] nearest of its level on either side of its place.

use super::tree::{Level, Tree};
use super::words::{normal_form, similarity_bound, similarity_of_units, units};
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// Least similarity for two parts under matched parents to be the same part.
const SIBLING_THRESHOLD: f32 = 0.5;
/// Least similarity for two parts under different parents to be the same part, moved.
const MOVE_THRESHOLD: f32 = 0.8;
/// Most pairs of left-over parts one step compares one by one; past it, each part is compared
/// with its [`WINDOW`] nearest only.
const PAIR_BUDGET: usize = 250_000;
/// How many left-over parts of its level, on either side of its place, a part is compared with
/// when a step has more than [`PAIR_BUDGET`] pairs.
const WINDOW: usize = 32;
/// Longest run of siblings whose order is compared with the diff used for texts; a longer one
/// is compared through its longest increasing subsequence (the same length, found in
/// `O(n log n)` whatever the reordering).
const ORDER_DIFF_MAX: usize = 1024;

/// The correspondence between the nodes of two trees.
#[derive(Debug, Clone)]
pub struct Matching {
    /// For each old node, its new counterpart.
    pub old_to_new: Vec<Option<usize>>,
    /// For each new node, its old counterpart.
    pub new_to_old: Vec<Option<usize>>,
    /// For each new node, whether it stands in another place than its counterpart (see
    /// [`Matching::moved`]).
    moved: Vec<bool>,
}

/// Matches the nodes of `old` and `new` (the roots always match).
pub fn match_trees(old: &Tree, new: &Tree) -> Matching {
    let old_content: Vec<String> = (0..old.nodes.len())
        .map(|i| normal_form(&old.content(i)))
        .collect();
    let new_content: Vec<String> = (0..new.nodes.len())
        .map(|i| normal_form(&new.content(i)))
        .collect();
    let mut m = Matcher {
        old,
        new,
        old_units: old_content.iter().map(|c| units(c)).collect(),
        new_units: new_content.iter().map(|c| units(c)).collect(),
        old_content: &old_content,
        new_content: &new_content,
        matching: Matching {
            old_to_new: vec![None; old.nodes.len()],
            new_to_old: vec![None; new.nodes.len()],
            moved: vec![false; new.nodes.len()],
        },
    };
    m.pair(0, 0);
    m.by_id();
    m.by_position();
    m.across_parents();
    m.by_position();
    let mut matching = m.matching;
    matching.find_moves(old, new);
    matching
}

struct Matcher<'a> {
    old: &'a Tree,
    new: &'a Tree,
    /// Each node's content (its text and its descendants'), in [`normal_form`].
    old_content: &'a [String],
    new_content: &'a [String],
    old_units: Vec<Vec<&'a str>>,
    new_units: Vec<Vec<&'a str>>,
    matching: Matching,
}

/// A left-over part in a step: its position among the parts the step looks at, its node.
type Free = (usize, usize);

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
        let free = |nodes: &[usize], taken: &[Option<usize>]| -> Vec<Free> {
            nodes
                .iter()
                .copied()
                .enumerate()
                .filter(|&(_, i)| taken[i].is_none())
                .collect()
        };
        let free_old = free(olds, &self.matching.old_to_new);
        let free_new = free(news, &self.matching.new_to_old);
        if free_old.is_empty() || free_new.is_empty() {
            return;
        }
        self.same_words(&free_old, &free_new);
        let free_old = free(olds, &self.matching.old_to_new);
        let free_new = free(news, &self.matching.new_to_old);
        let mut candidates = Vec::new();
        for (o, n) in self.pairs_to_compare(&free_old, &free_new) {
            let (a, b) = (&self.old_units[o.1], &self.new_units[n.1]);
            if similarity_bound(a.len(), b.len()) < threshold {
                continue;
            }
            let score = similarity_of_units(a, b);
            if score >= threshold {
                candidates.push((score, o.0.abs_diff(n.0), o.1, n.1));
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

    /// Pairs the parts that have the same level and the same words (similarity 1, the most
    /// alike there are), nearest in position first, then first in reading order: what comparing
    /// every pair would pair first, found through a hash map.
    fn same_words(&mut self, free_old: &[Free], free_new: &[Free]) {
        type Group = (Vec<Free>, Vec<Free>);
        let mut groups: HashMap<(Level, &str), Group> = HashMap::new();
        for &(p, o) in free_old {
            let key = (self.old.nodes[o].level, self.old_content[o].as_str());
            groups.entry(key).or_default().0.push((p, o));
        }
        for &(p, n) in free_new {
            let key = (self.new.nodes[n].level, self.new_content[n].as_str());
            if let Some(group) = groups.get_mut(&key) {
                group.1.push((p, n));
            }
        }
        // Groups have no part in common, so the order they are paired in changes nothing.
        let mut pairs = Vec::new();
        for (olds, news) in groups.into_values() {
            if !news.is_empty() {
                pairs.extend(nearest_first(&olds, &news));
            }
        }
        for (o, n) in pairs {
            self.pair(o, n);
        }
    }

    /// The pairs of left-over parts of the same level worth comparing: all of them when there
    /// are at most [`PAIR_BUDGET`], else, level by level, each old part with the [`WINDOW`]
    /// new ones on either side of where its rank falls among them.
    fn pairs_to_compare(&self, free_old: &[Free], free_new: &[Free]) -> Vec<(Free, Free)> {
        let mut levels: HashMap<Level, (Vec<Free>, Vec<Free>)> = HashMap::new();
        for &f in free_old {
            levels
                .entry(self.old.nodes[f.1].level)
                .or_default()
                .0
                .push(f);
        }
        for &f in free_new {
            levels
                .entry(self.new.nodes[f.1].level)
                .or_default()
                .1
                .push(f);
        }
        let mut levels: Vec<_> = levels.into_values().collect();
        levels.sort_by_key(|(olds, news)| (olds.first().copied(), news.first().copied()));
        let total: usize = levels.iter().map(|(o, n)| o.len() * n.len()).sum();
        let mut out = Vec::new();
        for (olds, news) in &levels {
            for (i, &o) in olds.iter().enumerate() {
                let range = if total <= PAIR_BUDGET {
                    0..news.len()
                } else {
                    let at = i * news.len() / olds.len();
                    at.saturating_sub(WINDOW)..(at + WINDOW + 1).min(news.len())
                };
                out.extend(news[range].iter().map(|&n| (o, n)));
            }
        }
        out
    }
}

/// Pairs parts that are all alike, nearest in position first, then first in reading order
/// (positions and node indexes grow together), as many as possible. The nearest pair of the
/// left-over parts is always next to each other among the parts of both sides merged in order
/// of position, so only those next to each other are kept in the queue: `O(n log n)`.
fn nearest_first(olds: &[Free], news: &[Free]) -> Vec<(usize, usize)> {
    // Both sides merged by position (an old part before a new one at the same position).
    let mut merged: Vec<(usize, bool, usize)> = olds
        .iter()
        .map(|&(p, o)| (p, false, o))
        .chain(news.iter().map(|&(p, n)| (p, true, n)))
        .collect();
    merged.sort_unstable();
    let len = merged.len();
    let mut prev: Vec<Option<usize>> = (0..len).map(|i| i.checked_sub(1)).collect();
    let mut next: Vec<Option<usize>> = (0..len).map(|i| (i + 1 < len).then_some(i + 1)).collect();
    let mut gone = vec![false; len];
    let mut queue = BinaryHeap::new();
    let push = |queue: &mut BinaryHeap<_>, a: usize, b: usize| {
        let (x, y) = (merged[a], merged[b]);
        if x.1 != y.1 {
            let (old, new) = if x.1 { (b, a) } else { (a, b) };
            let key = (x.0.abs_diff(y.0), merged[old].2, merged[new].2);
            queue.push(Reverse((key, old, new)));
        }
    };
    for i in 1..len {
        push(&mut queue, i - 1, i);
    }
    let mut out = Vec::new();
    while let Some(Reverse((_, a, b))) = queue.pop() {
        if gone[a] || gone[b] {
            continue;
        }
        gone[a] = true;
        gone[b] = true;
        out.push((merged[a].2, merged[b].2));
        // The two were next to each other: their outer neighbours now are.
        let (first, last) = (a.min(b), a.max(b));
        let (before, after) = (prev[first], next[last]);
        if let Some(x) = before {
            next[x] = after;
        }
        if let Some(y) = after {
            prev[y] = before;
        }
        if let (Some(x), Some(y)) = (before, after) {
            push(&mut queue, x, y);
        }
    }
    out
}

impl Matching {
    /// Whether the new node `n`, matched to an old node, stands in another place: under a
    /// parent that is not its old parent's counterpart, or out of order among the siblings of
    /// its level that stayed.
    pub fn moved(&self, n: usize) -> bool {
        self.moved[n]
    }

    /// Finds which matched nodes moved, one matched parent and level at a time.
    fn find_moves(&mut self, old: &Tree, new: &Tree) {
        for n in 1..new.nodes.len() {
            let Some(o) = self.new_to_old[n] else {
                continue;
            };
            if let (Some(np), Some(op)) = (new.nodes[n].parent, old.nodes[o].parent)
                && self.old_to_new[op] != Some(np)
            {
                self.moved[n] = true;
            }
        }
        // Under each matched pair, the siblings of each level that stayed under it, in both
        // orders; those outside the longest run kept in order moved.
        let mut stayed = vec![false; new.nodes.len()];
        for np in 0..new.nodes.len() {
            let Some(op) = self.new_to_old[np] else {
                continue;
            };
            let mut levels: Vec<Level> = Vec::new();
            for &c in &new.nodes[np].children {
                if !levels.contains(&new.nodes[c].level) {
                    levels.push(new.nodes[c].level);
                }
            }
            for level in levels {
                let new_seq: Vec<usize> = new.nodes[np]
                    .children
                    .iter()
                    .copied()
                    .filter(|&c| new.nodes[c].level == level)
                    .filter(|&c| {
                        self.new_to_old[c].is_some_and(|oc| old.nodes[oc].parent == Some(op))
                    })
                    .collect();
                for &c in &new_seq {
                    stayed[c] = true;
                }
                let old_seq: Vec<usize> = old.nodes[op]
                    .children
                    .iter()
                    .filter_map(|&c| self.old_to_new[c])
                    .filter(|&c| stayed[c])
                    .collect();
                for &c in &new_seq {
                    stayed[c] = false;
                }
                let kept = kept_in_order(&old_seq, &new_seq);
                for (&c, kept) in new_seq.iter().zip(kept) {
                    if !kept {
                        self.moved[c] = true;
                    }
                }
            }
        }
    }
}

/// For each item of `new_seq` (the items of `old_seq` in another order), whether it is in the
/// longest run of items kept in the same order: the text diff's choice for short lists, a
/// longest increasing subsequence for long ones.
fn kept_in_order(old_seq: &[usize], new_seq: &[usize]) -> Vec<bool> {
    if old_seq == new_seq {
        return vec![true; new_seq.len()];
    }
    let mut kept = vec![false; new_seq.len()];
    if new_seq.len() <= ORDER_DIFF_MAX {
        for op in capture_diff_slices(Algorithm::Myers, old_seq, new_seq) {
            if let DiffOp::Equal { new_index, len, .. } = op {
                kept[new_index..new_index + len].fill(true);
            }
        }
        return kept;
    }
    let rank: HashMap<usize, usize> = old_seq.iter().enumerate().map(|(i, &c)| (c, i)).collect();
    let ranks: Vec<usize> = new_seq.iter().map(|c| rank[c]).collect();
    // Patience sorting: `tails[k]` ends the best increasing run of length k + 1 found so far.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; ranks.len()];
    for (i, &r) in ranks.iter().enumerate() {
        let k = tails.partition_point(|&t| ranks[t] < r);
        before[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut at = tails.last().copied();
    while let Some(i) = at {
        kept[i] = true;
        at = before[i];
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Parts at `positions`, each node numbered after its position as in a tree.
    fn parts(positions: &std::collections::BTreeSet<usize>, first_node: usize) -> Vec<Free> {
        positions.iter().map(|&p| (p, first_node + p)).collect()
    }

    /// What sorting every pair by distance, then old node, then new node, and pairing greedily
    /// gives.
    fn every_pair(olds: &[Free], news: &[Free]) -> Vec<(usize, usize)> {
        let mut all: Vec<(usize, usize, usize)> = olds
            .iter()
            .flat_map(|o| news.iter().map(move |n| (o.0.abs_diff(n.0), o.1, n.1)))
            .collect();
        all.sort_unstable();
        let (mut old_used, mut new_used) = (Vec::new(), Vec::new());
        let mut out = Vec::new();
        for (_, o, n) in all {
            if !old_used.contains(&o) && !new_used.contains(&n) {
                old_used.push(o);
                new_used.push(n);
                out.push((o, n));
            }
        }
        out.sort_unstable();
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn nearest_first_pairs_as_comparing_every_pair(
            olds in prop::collection::btree_set(0..40usize, 0..25),
            news in prop::collection::btree_set(0..40usize, 0..25),
        ) {
            let (olds, news) = (parts(&olds, 100), parts(&news, 1000));
            let mut fast = nearest_first(&olds, &news);
            fast.sort_unstable();
            prop_assert_eq!(fast, every_pair(&olds, &news));
        }

        #[test]
        fn a_long_reordered_list_keeps_a_longest_run_in_order(
            moves in prop::collection::vec((0..1500usize, 0..1500usize), 1..40),
        ) {
            let old: Vec<usize> = (0..1500).collect();
            let mut new = old.clone();
            for (from, to) in moves {
                let item = new.remove(from);
                new.insert(to, item);
            }
            let kept = kept_in_order(&old, &new);
            let run: Vec<usize> = new.iter().zip(&kept).filter(|(_, k)| **k).map(|(c, _)| *c).collect();
            prop_assert!(run.windows(2).all(|w| w[0] < w[1]), "kept in order");
            let longest: usize = capture_diff_slices(Algorithm::Myers, &old, &new)
                .iter()
                .map(|op| match op {
                    DiffOp::Equal { len, .. } => *len,
                    _ => 0,
                })
                .sum();
            prop_assert_eq!(run.len(), longest);
        }
    }
}
