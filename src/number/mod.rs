//! Numbering, apart from presentation: the [`Outline`] gives every provision of a spec its
//! number in one walk ([`outline`]), [`labels`] spells the numbers ("khoản 2 Điều 4", "Điều 4.",
//! "a)"), and `[[id]]` references are resolved to those labels ([`Outline::resolve`]). What is
//! printed around the numbers — capitals, punctuation, the header and the signatures — is
//! [`crate::compose`]'s.

pub mod labels;
pub mod outline;
pub mod rules;

pub use outline::{Number, Outline, Part, Provision};
