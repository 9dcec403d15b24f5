//! What a body paragraph is, told by a named paragraph style where print cannot tell it. An
//! Điều's paragraph after its last khoản looks just like that khoản's own paragraph (and a
//! khoản's after its last điểm like the điểm's); the lead-in under a Điều's title looks like a
//! paragraph of the Điều. The styles change nothing on the page; they let `vanban import` put
//! each paragraph back where it came from. A reviewer who presses Enter at the end of such a
//! paragraph in Word gets a new paragraph of the same role.

use docx_rs::{Style, StyleType};

/// The role of a body paragraph that has no number of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The lead-in (`text`) of a provision whose title has a line of its own.
    Lead,
    /// A free paragraph of a Điều.
    ArticleParagraph,
    /// A free paragraph of a mục I., II.
    SectionParagraph,
    /// A free paragraph of a khoản.
    ClauseParagraph,
    /// A free paragraph of a điểm.
    PointParagraph,
}

impl Role {
    /// Every role, in the order the styles are written.
    pub const ALL: [Role; 5] = [
        Role::Lead,
        Role::ArticleParagraph,
        Role::SectionParagraph,
        Role::ClauseParagraph,
        Role::PointParagraph,
    ];

    /// The style's id in the file (ASCII, as Word writes ids).
    pub fn style_id(self) -> &'static str {
        match self {
            Role::Lead => "VanbanCauDan",
            Role::ArticleParagraph => "VanbanDoanDieu",
            Role::SectionParagraph => "VanbanDoanMuc",
            Role::ClauseParagraph => "VanbanDoanKhoan",
            Role::PointParagraph => "VanbanDoanDiem",
        }
    }

    /// The style's name, as Word's style list shows it.
    pub fn style_name(self) -> &'static str {
        match self {
            Role::Lead => "Câu dẫn",
            Role::ArticleParagraph => "Đoạn văn của điều",
            Role::SectionParagraph => "Đoạn văn của mục",
            Role::ClauseParagraph => "Đoạn văn của khoản",
            Role::PointParagraph => "Đoạn văn của điểm",
        }
    }

    /// The role a style gives, by its id or its name (an editor that saves the file again
    /// may give the style an id of its own but keeps its name).
    pub fn of_style(id: &str, name: Option<&str>) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.style_id() == id || name == Some(r.style_name()))
    }

    /// The style's definition: a paragraph style on Normal that sets nothing of its own (the
    /// paragraph's own settings give its look).
    pub fn style(self) -> Style {
        Style::new(self.style_id(), StyleType::Paragraph)
            .name(self.style_name())
            .based_on("Normal")
    }
}

#[cfg(test)]
mod tests {
    use super::Role;

    #[test]
    fn a_style_is_found_by_its_id_or_its_name() {
        for r in Role::ALL {
            assert_eq!(Role::of_style(r.style_id(), None), Some(r));
            assert_eq!(Role::of_style("P12", Some(r.style_name())), Some(r));
        }
        assert_eq!(Role::of_style("Normal", Some("Normal")), None);
    }
}
