//! placeholder replaced below
use super::Report;
use crate::report::ReportError;
pub fn render(_r: &Report) -> Result<Vec<u8>, ReportError> {
    Err(ReportError::Render("xlsx report not built yet".into()))
}
