//! The YAML of a spec file: its [`tree`] of nodes with their places, the plain [`scalar`]s
//! read by the YAML core schema, and serde over the tree ([`de`]) with errors as data.

pub mod de;
pub mod scalar;
pub mod tree;

pub use tree::Tree;
