//! The secretariat-wide monitoring table and progress summary for a round
//! (seed 002), and its renderings. The only module that uses polars; its
//! types never leave this module — a [`Summary`] is plain Rust data.
//!
//! Flow: registers → frames (polars) → [`Summary`] → a renderer
//! (text, Markdown, CSV, JSON, HTML, xlsx).

mod build;
pub mod dataset;
mod dataset_xlsx;
pub mod document;
mod error;
pub mod export;
mod frames;
mod gather;
mod percent;
mod render;
mod summary;
pub mod synthetic;
pub mod warnings;

pub use error::ReportError;
pub use percent::Percent;
pub use render::{Format, RenderOptions, render, write_output};
pub use summary::{
    BandCount, BureauRow, Comparison, FollowUp, Group, Progress, Row, StatusMove, Summary, Warning,
};

use crate::method::Methodology;
use crate::model::{ApproachList, BureauList, FiscalYear, Register, RoundId};
use crate::store::{self, Catalog};
use std::path::Path;

/// Loads the registers of `year` under `root` and summarizes `round`.
/// Any file that does not parse stops the report, naming the file and place.
pub fn summarize(
    root: &Path,
    year: FiscalYear,
    round: &RoundId,
    compare: Option<&RoundId>,
) -> Result<Summary, ReportError> {
    summarize_with(root, year, round, compare, &crate::progress::Silent)
}

/// [`summarize`], telling `progress` how many registers are read.
pub fn summarize_with(
    root: &Path,
    year: FiscalYear,
    round: &RoundId,
    compare: Option<&RoundId>,
    progress: &dyn crate::progress::Progress,
) -> Result<Summary, ReportError> {
    let catalog = Catalog::load(root).map_err(ReportError::Load)?;
    let year_dir = store::layout::year_dir(root, year.be());
    if !year_dir.is_dir() {
        return Err(ReportError::NoData { year });
    }
    let (loaded, errors) =
        store::load_year_with(root, year.be(), progress).map_err(|e| ReportError::Load(vec![e]))?;
    if !errors.is_empty() {
        return Err(ReportError::Load(errors));
    }
    let registers: Vec<Register> = loaded.into_iter().map(|l| l.value).collect();
    summarize_loaded(&catalog, registers, year, round, compare)
}

/// Summarizes registers already read (and checked) with their shared
/// files, as `riskreg summary` does after `check::load_year`: nothing is
/// read again.
pub fn summarize_loaded(
    catalog: &Catalog,
    registers: Vec<Register>,
    year: FiscalYear,
    round: &RoundId,
    compare: Option<&RoundId>,
) -> Result<Summary, ReportError> {
    let methods = catalog.method_values();
    let sources = build::Sources {
        bureaus: &catalog.bureaus.value,
        approaches: &catalog.approaches.value,
        methods: &methods,
        registers: &[],
    };
    // the registers are not needed afterwards: summarize_owned moves their
    // texts into the table and frees the rest
    build::summarize_owned(
        &sources,
        registers,
        year,
        round,
        compare,
        crate::clock::today().ok(),
    )
    .map(with_warnings)
}

/// The summary with its warnings worked out from its table.
fn with_warnings(mut s: Summary) -> Summary {
    s.warnings = warnings::of(&s.groups);
    s
}

/// Summarizes already-loaded registers (the TUI's). Without methodologies
/// the band counts show every measure as unrated and rounds are not checked
/// against a methodology; use [`summarize_with_methods`] when they are at hand.
pub fn summarize_registers(
    bureaus: &BureauList,
    approaches: &ApproachList,
    registers: &[Register],
    year: FiscalYear,
    round: &RoundId,
    compare: Option<&RoundId>,
) -> Result<Summary, ReportError> {
    summarize_with_methods(bureaus, approaches, &[], registers, year, round, compare)
}

/// Summarizes already-loaded registers, rating each risk with the
/// methodology its register names and checking the rounds against it.
pub fn summarize_with_methods(
    bureaus: &BureauList,
    approaches: &ApproachList,
    methods: &[Methodology],
    registers: &[Register],
    year: FiscalYear,
    round: &RoundId,
    compare: Option<&RoundId>,
) -> Result<Summary, ReportError> {
    build::summarize(
        &build::Sources {
            bureaus,
            approaches,
            methods,
            registers,
        },
        year,
        round,
        compare,
        crate::clock::today().ok(),
    )
    .map(with_warnings)
}
