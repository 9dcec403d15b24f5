//! What a plain YAML scalar stands for, by the YAML 1.2 core schema as serde_yaml reads it:
//! `~`/`null`/empty is nothing, `true`/`false` a boolean, `12`, `0x1F`, `-3` integers, `1.5`,
//! `.inf` floats, everything else text. A number with a leading zero (`05`) stays text, as
//! YAML 1.2 says. Quoted and block scalars are always text; this module is not asked.

/// A plain scalar read by the core schema.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Resolved<'a> {
    /// `~`, `null`, `Null`, `NULL` or nothing.
    Null,
    /// `true`/`false` in one of their three spellings.
    Bool(bool),
    /// A non-negative integer.
    Unsigned(u64),
    /// A negative integer.
    Negative(i64),
    /// A floating-point number.
    Float(f64),
    /// Anything else.
    Text(&'a str),
}

/// Reads a plain scalar.
pub fn resolve(text: &str) -> Resolved<'_> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Resolved::Null,
        "true" | "True" | "TRUE" => return Resolved::Bool(true),
        "false" | "False" | "FALSE" => return Resolved::Bool(false),
        _ => {}
    }
    if let Some(n) = integer(text) {
        return n;
    }
    match float(text) {
        Some(f) => Resolved::Float(f),
        None => Resolved::Text(text),
    }
}

/// Leading zeros before more digits make a string in YAML 1.2 (`007`).
fn zero_padded(digits: &str) -> bool {
    digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}

fn integer(text: &str) -> Option<Resolved<'static>> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if body.starts_with(['+', '-']) || body.is_empty() {
        return None;
    }
    let (radix, digits) = if let Some(d) = body.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = body.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = body.strip_prefix("0b") {
        (2, d)
    } else if zero_padded(body) {
        return None;
    } else {
        (10, body)
    };
    if digits.is_empty() || digits.starts_with(['+', '-']) {
        return None;
    }
    let magnitude = u64::from_str_radix(digits, radix).ok()?;
    if !negative {
        return Some(Resolved::Unsigned(magnitude));
    }
    if magnitude == 0 {
        return Some(Resolved::Unsigned(0));
    }
    0i64.checked_sub_unsigned(magnitude).map(Resolved::Negative)
}

fn float(text: &str) -> Option<f64> {
    let body = text.strip_prefix('+').unwrap_or(text);
    if body.starts_with(['+', '-']) && text.starts_with('+') {
        return None;
    }
    match body {
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        _ => {}
    }
    if zero_padded(body.strip_prefix('-').unwrap_or(body)) {
        return None;
    }
    // Rust also reads "inf", "NaN" and "infinity"; YAML reads those as text.
    if !body.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    body.parse::<f64>().ok().filter(|f| f.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_core_schema_as_serde_yaml_reads_it() {
        assert_eq!(resolve(""), Resolved::Null);
        assert_eq!(resolve("~"), Resolved::Null);
        assert_eq!(resolve("True"), Resolved::Bool(true));
        assert_eq!(resolve("yes"), Resolved::Text("yes"));
        assert_eq!(resolve("2024"), Resolved::Unsigned(2024));
        assert_eq!(resolve("+7"), Resolved::Unsigned(7));
        assert_eq!(resolve("-5"), Resolved::Negative(-5));
        assert_eq!(resolve("0x1F"), Resolved::Unsigned(31));
        assert_eq!(resolve("05"), Resolved::Text("05"));
        assert_eq!(resolve("0"), Resolved::Unsigned(0));
        assert_eq!(resolve("1.5"), Resolved::Float(1.5));
        assert_eq!(resolve("1e3"), Resolved::Float(1000.0));
        assert_eq!(resolve(".inf"), Resolved::Float(f64::INFINITY));
        assert_eq!(resolve("inf"), Resolved::Text("inf"));
        assert_eq!(resolve("2023-06-15"), Resolved::Text("2023-06-15"));
        assert_eq!(resolve("1.10"), Resolved::Float(1.1));
        assert_eq!(resolve("--5"), Resolved::Text("--5"));
        assert_eq!(resolve("99999999999999999999"), Resolved::Float(1e20));
    }
}
