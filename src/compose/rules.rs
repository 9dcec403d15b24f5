//! The problems composing finds: a signature or party of no issuer, no year to print, an
//! appendix table that cannot be built. Each is made with its rule where [`super`] meets it.

use crate::finding::{Rule, Severity};

/// A signature or party for an issuer id that does not exist.
pub static ISSUER_UNKNOWN: Rule = Rule {
    id: "issuer-unknown",
    severity: Severity::Error,
    vi: "Khối chữ ký hoặc bên ký kết ghi mã cơ quan (`issuer`) không có trong `issuers`.",
    en: "A signature block or party names an issuer id that is not in `issuers`.",
};
/// No date, year or period.
pub static YEAR_MISSING: Rule = Rule {
    id: "year-missing",
    severity: Severity::Error,
    vi: "Không có ngày (`date`), năm (`year`) hay giai đoạn (`period`) để in năm ban hành.",
    en: "No `date`, `year` or `period` to print the year from.",
};
/// An appendix table that cannot be laid out as written.
pub static TABLE_SHAPE: Rule = Rule {
    id: "table-shape",
    severity: Severity::Error,
    vi: "Bảng phụ lục không dựng được: độ rộng cột không đọc được, bảng không có cột, hoặc một hàng có số ô khác số cột cần ghi.",
    en: "An appendix table that cannot be built: an unreadable column width, no columns, or a row with another number of cells than the columns to fill.",
};

/// The rules of this group.
pub const RULES: &[&Rule] = &[&ISSUER_UNKNOWN, &YEAR_MISSING, &TABLE_SHAPE];
