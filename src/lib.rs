//! vanban: YAML descriptions of Vietnamese inter-agency agreement texts (chương trình, quy chế,
//! kế hoạch phối hợp, bản thỏa thuận, bản ghi nhớ) → PDF laid out per Nghị định 30/2020/NĐ-CP,
//! and Markdown that diffs cleanly.
//!
//! One library pipeline ([`pipeline`]) serves every command, test and benchmark: a
//! [`pipeline::Source`] is checked ([`load`]: bytes → [`spec::Spec`]; [`number`]: the
//! [`number::Outline`]; [`compose`]: the [`document::Document`]; the rules of [`check`] — every
//! problem a [`finding::Finding`] placed with [`position`]), then composed, then laid out
//! ([`render`]: Tera → Typst / Markdown → PDF). [`pages`] reads laid-out pages back for tests.

pub mod check;
pub mod commands;
pub mod compose;
pub mod diff;
pub mod document;
pub mod error;
pub mod files;
pub mod finding;
pub mod import;
pub mod kind;
pub mod load;
pub mod markup;
pub mod number;
pub mod pages;
pub mod pipeline;
pub mod position;
pub mod punctuation;
pub mod render;
pub mod schema;
pub mod spec;
pub mod suggest;
pub mod vietnamese;
pub mod yaml;

pub use error::Error;
