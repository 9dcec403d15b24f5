//! Comparing two versions of a programme provision by provision.
//!
//! Each version becomes a [`tree::Tree`] (spec ids and texts, numbers from
//! [`crate::number`]); [`matching`] pairs their parts by id, then by position and content;
//! [`compare`] walks the new version in reading order and lists what was added, removed,
//! changed, moved or renumbered. [`words`] shows a change word by word; [`report`] prints
//! the list for a terminal, as JSON, and as the bảng so sánh (Markdown or Typst → PDF).

pub mod matching;
pub mod report;
pub mod tree;
pub mod words;

use serde::Serialize;
use tree::{Level, Tree};

/// What happened to a part between the two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// Its own text differs.
    Changed,
    /// It stands elsewhere: under another parent or out of order among its siblings.
    Moved,
    /// Same place and text, another number (because something before it came or went).
    Renumbered,
    /// Nothing (listed only when every part is asked for).
    Unchanged,
}

/// One difference between the versions (or, with `all`, one unchanged part).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What happened.
    pub kind: Kind,
    /// What kind of part.
    pub level: Level,
    /// The author's id (or the issuer's id for a signature), if any.
    pub id: Option<String>,
    /// YAML path in the new version (in the old one for a removed part).
    pub path: String,
    /// The number in the old version ("khoản 3 Điều 4"), for numbered parts.
    pub old_number: Option<String>,
    /// The number in the new version.
    pub new_number: Option<String>,
    /// Where the part stands when it has no number ("chữ ký của `stttt`").
    pub place: String,
    /// Its text in the old version: its own text (its number is in `old_number`), or the whole
    /// of it with every number when removed.
    pub old_text: Option<String>,
    /// Its text in the new version: its own text, or the whole of it when added.
    pub new_text: Option<String>,
    /// The author's `reason` on the part in the new version.
    pub reason: Option<String>,
}

/// The comparison of two versions.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// How the old version is named (file or `REV:path`).
    pub old_name: String,
    /// How the new version is named.
    pub new_name: String,
    /// Facts of the new version: tên loại and trích yếu, issuers, date (for the PDF).
    pub meta: crate::document::Meta,
    /// The differences in the new version's reading order (a removed part where it stood).
    pub changes: Vec<Change>,
}

impl Comparison {
    /// Whether the two versions print the same text.
    pub fn same(&self) -> bool {
        self.changes.iter().all(|c| c.kind == Kind::Unchanged)
    }

    /// How many changes of a kind.
    pub fn count(&self, kind: Kind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }
}

/// Compares two versions. With `all`, unchanged parts are listed too (kind `unchanged`).
pub fn compare(old: &Tree, new: &Tree, all: bool) -> Vec<Change> {
    let matching = matching::match_trees(old, new);
    let mut walk = Walk {
        old,
        new,
        matching,
        all,
        done_until: vec![0; old.nodes.len()],
        place_in_parent: places_in_parents(old),
        changes: Vec::new(),
    };
    walk.children(0, Some(0));
    walk.changes
}

struct Walk<'a> {
    old: &'a Tree,
    new: &'a Tree,
    matching: matching::Matching,
    all: bool,
    /// For each old node, how many of its children have been looked at for removals.
    done_until: Vec<usize>,
    /// For each old node, its index among its parent's children.
    place_in_parent: Vec<usize>,
    changes: Vec<Change>,
}

/// For each node, its index among its parent's children (0 for the root).
fn places_in_parents(tree: &Tree) -> Vec<usize> {
    let mut places = vec![0; tree.nodes.len()];
    for node in &tree.nodes {
        for (i, &c) in node.children.iter().enumerate() {
            places[c] = i;
        }
    }
    places
}

impl Walk<'_> {
    /// Lists the children of new node `n` (whose old counterpart is `o`, if any), with the
    /// removed children of `o` where they stood.
    fn children(&mut self, n: usize, o: Option<usize>) {
        let (old, new) = (self.old, self.new);
        for &c in &new.nodes[n].children {
            match self.matching.new_to_old[c] {
                Some(oc) => {
                    if let Some(o) = o
                        && old.nodes[oc].parent == Some(o)
                    {
                        self.removed_before(o, oc);
                    }
                    self.matched(oc, c);
                }
                None => {
                    // Under an added part, only what moved into it is reported.
                    if o.is_some() {
                        self.changes.push(self.added(c));
                    }
                    self.children(c, None);
                }
            }
        }
        if let Some(o) = o {
            self.removed_before(o, usize::MAX);
        }
    }

    /// Reports the removed children of old node `o` that stand before its child `until` (all
    /// of them for `usize::MAX`) and were not reported yet.
    fn removed_before(&mut self, o: usize, until: usize) {
        let old = self.old;
        let children = &old.nodes[o].children;
        let end = match until {
            usize::MAX => children.len(),
            c => self.place_in_parent[c],
        };
        let start = self.done_until[o].min(end);
        for &oc in &children[start..end] {
            if self.matching.old_to_new[oc].is_none() {
                self.changes.push(self.removed(oc));
            }
        }
        self.done_until[o] = self.done_until[o].max(end);
    }

    fn matched(&mut self, o: usize, n: usize) {
        let (old, new) = (self.old, self.new);
        let (on, nn) = (&old.nodes[o], &new.nodes[n]);
        let base = Change {
            kind: Kind::Unchanged,
            level: nn.level,
            id: nn.id.clone(),
            path: nn.path.clone(),
            old_number: on.numbered.then(|| on.place.clone()),
            new_number: nn.numbered.then(|| nn.place.clone()),
            place: nn.place.clone(),
            old_text: Some(on.shown.clone()),
            new_text: Some(nn.shown.clone()),
            reason: nn.reason.clone(),
        };
        let mut kinds = Vec::new();
        if self.matching.moved(n) {
            kinds.push(Kind::Moved);
        } else if on.local != nn.local {
            kinds.push(Kind::Renumbered);
        }
        // Written otherwise but printed the same (a reference, the case of a name printed in
        // capitals) is no change; bold or italic added or removed is one.
        if on.raw != nn.raw && (on.shown != nn.shown || emphasis(&on.raw) != emphasis(&nn.raw)) {
            kinds.push(Kind::Changed);
        }
        if kinds.is_empty() && self.all && nn.level != Level::Document {
            kinds.push(Kind::Unchanged);
        }
        for kind in kinds {
            self.changes.push(Change {
                kind,
                ..base.clone()
            });
        }
        self.children(n, Some(o));
    }

    fn added(&self, n: usize) -> Change {
        whole(Kind::Added, self.new, n)
    }

    fn removed(&self, o: usize) -> Change {
        whole(Kind::Removed, self.old, o)
    }
}

/// An added or removed part, with the whole of its text (what it holds included).
fn whole(kind: Kind, tree: &Tree, index: usize) -> Change {
    let node = &tree.nodes[index];
    let number = node.numbered.then(|| node.place.clone());
    let text = Some(tree.subtree_text(index));
    let added = kind == Kind::Added;
    Change {
        kind,
        level: node.level,
        id: node.id.clone(),
        path: node.path.clone(),
        old_number: if added { None } else { number.clone() },
        new_number: if added { number } else { None },
        place: node.place.clone(),
        old_text: if added { None } else { text.clone() },
        new_text: if added { text } else { None },
        reason: if added { node.reason.clone() } else { None },
    }
}

/// The emphasis marks of a text as written (`*`, `_`), references (`[[id]]`) left out: bold or
/// italic changes the print but not its characters.
fn emphasis(raw: &str) -> String {
    let mut marks = String::new();
    let mut rest = raw;
    while !rest.is_empty() {
        let (text, after) = match rest.split_once("[[") {
            Some((text, after)) => (text, after.split_once("]]").map_or("", |(_, a)| a)),
            None => (rest, ""),
        };
        marks.extend(text.chars().filter(|c| matches!(c, '*' | '_')));
        rest = after;
    }
    marks
}
