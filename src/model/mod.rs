//! The register as data. Nothing here knows about files, terminals or polars.

pub mod amount;
pub mod approval;
pub mod blank;
pub mod bureau;
pub mod calendar;
pub mod ids;
pub mod indicator;
pub mod label;
pub mod people;
pub mod quoted;
pub mod refused;
pub mod register;
pub mod rollover;
pub mod status;
pub mod written_date;

pub use amount::{Decimal2, Money};
pub use approval::{Approval, ContentDigest};
pub use bureau::{Approach, ApproachList, Bureau, BureauList};
pub use calendar::{Date, FiscalYear, YearMonth};
pub use ids::{
    ApproachId, BandId, BureauCode, CategoryId, IndicatorId, MeasureId, MethodId, RiskId, RoundId,
};
pub use indicator::{
    Achieved, Comparator, Indicator, IndicatorResult, Judgement, Quantity, Threshold, judge,
};
pub use label::{Label, Lang};
pub use people::{People, Person, Role};
pub use quoted::quoted;
pub use refused::Refused;
pub use register::{
    Budget, CoResponsible, Measure, MethodRef, Monitoring, Rating, Register, Risk, Signature,
};
pub use status::{ControlQuality, Factor, Implementation, MeasureKind, Response, TrafficLight};
