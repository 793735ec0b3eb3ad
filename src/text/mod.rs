//! Thai text as people type and read it: the keyboard layout, line breaking
//! between words. Knows nothing of the terminal or of registers.

pub mod kedmanee;
pub mod wrap;
