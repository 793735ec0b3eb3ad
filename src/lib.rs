//! riskreg: fraud-risk registers of a Thai government secretariat, kept as
//! RON files under git, and the secretariat-wide traffic-light monitoring
//! table made from them.
//!
//! Data flows one way: files → [`store`] → [`model`] → ([`method`] rates it,
//! [`validate`] checks it) → the TUI and reports, and back through [`store`].

pub mod alloc;
pub mod audit;
pub mod check;
pub mod clock;
pub mod import;
pub mod locale;
pub mod method;
pub mod model;
pub mod par;
pub mod progress;
pub mod report;
pub mod store;
pub mod text;
pub mod tui;
pub mod validate;
pub mod visible;
