//! What each finding says, in Thai and English. A message is data (which
//! rule, about which values); its two texts are written side by side here,
//! one arm per rule, so a rule cannot gain a sentence in one language only.
//! `Display` is the English text: what `validate` printed before it spoke
//! Thai, byte for byte.

use crate::method::MethodMessage;
use crate::model::{Date, FiscalYear, Label, Lang, Money, TrafficLight, YearMonth};
use crate::store::LoadMessage;
use std::fmt;
use std::path::PathBuf;

/// The two scales of a rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Likelihood,
    Impact,
}

/// A kind of id that must be unique across a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum IdKind {
    Risk,
    Measure,
}

/// What a measure's budget says when more was disbursed than it allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Allowed {
    Allocated(Money),
    NotRequested,
    NotAllocated,
}

/// Every finding of the rules, with the values it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    // the shared files
    BureauTwice {
        code: String,
        first: usize,
    },
    BureauNoThaiName {
        code: String,
    },
    ApproachTwice {
        id: String,
        first: usize,
    },
    Method(MethodMessage),
    MethodDefinedTwice {
        id: String,
        version: u32,
        other: PathBuf,
    },
    // a register's header
    UnknownBureau {
        code: String,
    },
    MisnamedFile {
        bureau: String,
        stem: String,
    },
    WrongYearDir {
        year: FiscalYear,
        dir: u16,
    },
    UnknownMethod {
        id: String,
        version: u32,
        known: Vec<String>,
    },
    SignOffNeedsName {
        field: String,
    },
    // risks
    RiskIdTwice {
        id: String,
        first: usize,
    },
    MeasureIdTwice {
        id: String,
        first: String,
    },
    OutOfScale {
        axis: Axis,
        value: u8,
        max: usize,
        method: String,
        version: u32,
    },
    RiskNoDescription {
        risk: String,
    },
    RiskNoProcess {
        risk: String,
    },
    UnknownCategory {
        category: String,
        known: Vec<String>,
    },
    NoResidual {
        risk: String,
        method: String,
    },
    ResidualAboveInherent {
        risk: String,
        residual: String,
        inherent: String,
    },
    ResidualIgnored {
        method: String,
    },
    AcceptedWithoutReason {
        risk: String,
    },
    TransferredToNobody {
        risk: String,
    },
    ReduceWithoutMeasures {
        risk: String,
    },
    // measures
    MeasureNoTitle {
        measure: String,
    },
    UnknownApproach {
        id: String,
    },
    UnknownCoBureau {
        code: String,
    },
    LeadAsCoResponsible {
        code: String,
    },
    ListedTwice {
        code: String,
    },
    EndsBeforeStart {
        measure: String,
        start: YearMonth,
        end: YearMonth,
    },
    OutsideFiscalYear {
        measure: String,
        start: YearMonth,
        end: YearMonth,
        year: FiscalYear,
    },
    IndicatorTwice {
        indicator: String,
        measure: String,
    },
    // monitoring
    RoundTwice {
        measure: String,
        round: String,
        first: usize,
    },
    UnknownRound {
        round: String,
        method: String,
        known: Vec<String>,
    },
    AsOfOutsideRound {
        as_of: Date,
        round: String,
        year: FiscalYear,
        end: Date,
    },
    Overspent {
        measure: String,
        disbursed: Money,
        allowed: Allowed,
    },
    NoAddedActivity {
        measure: String,
        status: TrafficLight,
        round: String,
    },
    CompletedNothingDone {
        measure: String,
        round: String,
    },
    OtherWithoutReason,
    IndicatorTwoResults {
        indicator: String,
    },
    ZeroWhole {
        part: u64,
    },
    NoSuchIndicator {
        measure: String,
        indicator: String,
    },
    ResultKindMismatch {
        indicator: String,
        target: &'static str,
        achieved: &'static str,
    },
    ReportDatedBefore {
        months: u8,
        date: Date,
        earlier_months: u8,
        earlier: Date,
    },
    DisbursedFalls {
        from: Money,
        to: Money,
    },
    // across a year
    AlsoHoldsRegister {
        other: PathBuf,
        bureau: String,
        year: FiscalYear,
    },
    IdAlsoUsed {
        kind: IdKind,
        id: String,
        other: PathBuf,
        path: String,
    },
    // the calendar
    ReviewOverdue {
        risk: String,
        since: Date,
    },
    ReportOverdue {
        measure: String,
        round: String,
        since: Date,
    },
    // people.ron and allowed_signers
    PersonNoName,
    Unrecognisable {
        name: String,
    },
    LoginWithSpace {
        login: String,
    },
    LoginTwice {
        login: String,
        first: usize,
    },
    NotAnEmail {
        email: String,
    },
    EmailTwice {
        email: String,
        first: usize,
    },
    NoRole {
        name: String,
    },
    SignerLine,
    SignerPattern {
        principal: String,
    },
    SignerNobody {
        principal: String,
    },
    SignerApprovesNothing {
        who: String,
    },
    /// A file that could not be read or parsed.
    Load(LoadMessage),
    /// A message another module composed in both languages from one set of
    /// values (an approval's signature, what changed since an approval).
    Composed(Label),
}

/// The Thai text when `lang` is Thai, else the English; both are built, which
/// costs nothing next to printing them and keeps each arm one sentence pair.
fn say(lang: Lang, th: String, en: String) -> String {
    match lang {
        Lang::Th => th,
        Lang::En => en,
    }
}

fn date(lang: Lang, d: Date) -> String {
    d.written(lang)
}

fn known_list(known: &[String], lang: Lang) -> String {
    if known.is_empty() {
        lang.pick("ไม่มี", "none").to_string()
    } else {
        known.join(", ")
    }
}

/// A sign-off field as the form names it.
fn sign_off(field: &str, lang: Lang) -> String {
    match (field, lang) {
        ("prepared_by", Lang::Th) => "ผู้จัดทำ".into(),
        ("reviewed_by", Lang::Th) => "ผู้สอบทาน".into(),
        ("approved_by", Lang::Th) => "ผู้อนุมัติ".into(),
        _ => field.into(),
    }
}

/// An indicator's kind of value (`Percent`, `Fraction`…) in Thai.
fn value_kind(kind: &str) -> &str {
    match kind {
        "Percent" => "ร้อยละ",
        "Fraction" => "สัดส่วน",
        "Count" => "จำนวนนับ",
        "PerYear" => "จำนวนครั้งต่อปี",
        "Level" => "ระดับ",
        "YesNo" => "ใช่/ไม่ใช่",
        "Pending" => "รอผล",
        other => other,
    }
}

impl Message {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Message as M;
        let d = |x: &Date| date(lang, *x);
        match self {
            M::BureauTwice { code, first } => say(
                lang,
                format!("รหัสสำนัก {code} ซ้ำกัน (มีแล้วที่ bureaus[{first}])"),
                format!("bureau {code} is listed twice (also bureaus[{first}])"),
            ),
            M::BureauNoThaiName { code } => say(
                lang,
                format!("สำนัก {code} ยังไม่มีชื่อภาษาไทย"),
                format!("bureau {code} has no Thai name"),
            ),
            M::ApproachTwice { id, first } => say(
                lang,
                format!("แนวทาง {id} ซ้ำกัน (มีแล้วที่ approaches[{first}])"),
                format!("approach {id} is listed twice (also approaches[{first}])"),
            ),
            M::Method(m) => m.text(lang),
            M::MethodDefinedTwice { id, version, other } => say(
                lang,
                format!(
                    "ระเบียบวิธี {id} ฉบับที่ {version} มีกำหนดไว้แล้วใน {}",
                    other.display()
                ),
                format!(
                    "methodology {id} version {version} is also defined in {}",
                    other.display()
                ),
            ),
            M::UnknownBureau { code } => say(
                lang,
                format!("ไม่มีสำนัก {code} ใน bureaus.ron"),
                format!("bureau {code} is not in bureaus.ron"),
            ),
            M::MisnamedFile { bureau, stem } => say(
                lang,
                format!("ทะเบียนของสำนัก {bureau} ต้องชื่อ {bureau}.ron ไม่ใช่ {stem}.ron"),
                format!(
                    "the register of bureau {bureau} must be named {bureau}.ron, not {stem}.ron"
                ),
            ),
            M::WrongYearDir { year, dir } => say(
                lang,
                format!("ทะเบียนระบุปีงบประมาณ {year} แต่อยู่ในโฟลเดอร์ {dir}/"),
                format!("the register says fiscal year {year} but sits in directory {dir}/"),
            ),
            M::UnknownMethod { id, version, known } => {
                let known = known_list(known, lang);
                say(
                    lang,
                    format!("ไม่มีระเบียบวิธี {id} ฉบับที่ {version} ใน methodology/ (ที่มี: {known})"),
                    format!(
                        "methodology {id} version {version} is not in methodology/ (known: {known})"
                    ),
                )
            }
            M::SignOffNeedsName { field } => say(
                lang,
                format!("{} ต้องระบุชื่อ", sign_off(field, lang)),
                format!("{field} needs a name"),
            ),
            M::RiskIdTwice { id, first } => say(
                lang,
                format!("รหัสความเสี่ยง {id} ซ้ำในทะเบียนนี้ (มีแล้วที่ risks[{first}])"),
                format!("risk id {id} is used twice in this register (also risks[{first}])"),
            ),
            M::MeasureIdTwice { id, first } => say(
                lang,
                format!("รหัสมาตรการ {id} ซ้ำในทะเบียนนี้ (มีแล้วที่ {first})"),
                format!("measure id {id} is used twice in this register (also {first})"),
            ),
            M::OutOfScale {
                axis,
                value,
                max,
                method,
                version,
            } => match axis {
                Axis::Likelihood => say(
                    lang,
                    format!("ระดับโอกาส {value} อยู่นอกมาตรวัด 1–{max} ของ {method} v{version}"),
                    format!(
                        "likelihood {value} is outside the scale 1–{max} of {method} v{version}"
                    ),
                ),
                Axis::Impact => say(
                    lang,
                    format!("ระดับผลกระทบ {value} อยู่นอกมาตรวัด 1–{max} ของ {method} v{version}"),
                    format!("impact {value} is outside the scale 1–{max} of {method} v{version}"),
                ),
            },
            M::RiskNoDescription { risk } => say(
                lang,
                format!("ความเสี่ยง {risk} ต้องอธิบายว่าอาจเกิดอะไรขึ้น"),
                format!("risk {risk} needs a description of what could go wrong"),
            ),
            M::RiskNoProcess { risk } => say(
                lang,
                format!("ความเสี่ยง {risk} ไม่ได้ระบุกระบวนงาน"),
                format!("risk {risk} names no work process"),
            ),
            M::UnknownCategory { category, known } => say(
                lang,
                format!("ไม่รู้จักประเภทความเสี่ยง {category} (ที่มี: {})", known.join(", ")),
                format!("unknown category {category} (known: {})", known.join(", ")),
            ),
            M::NoResidual { risk, method } => say(
                lang,
                format!(
                    "ความเสี่ยง {risk} ยังไม่ได้ประเมินความเสี่ยงคงเหลือ; {method} ให้ประเมินความเสี่ยงคงเหลือใหม่หลังการควบคุม"
                ),
                format!(
                    "risk {risk} has no residual rating; {method} re-rates residual risk after controls"
                ),
            ),
            M::ResidualAboveInherent {
                risk,
                residual,
                inherent,
            } => say(
                lang,
                format!(
                    "ความเสี่ยง {risk}: ระดับความเสี่ยงคงเหลือ {residual} สูงกว่าระดับความเสี่ยงก่อนการควบคุม {inherent}"
                ),
                format!("risk {risk}: residual band {residual} is above inherent band {inherent}"),
            ),
            M::ResidualIgnored { method } => say(
                lang,
                format!(
                    "{method} คำนวณความเสี่ยงคงเหลือจากตารางการควบคุม; ระดับความเสี่ยงคงเหลือที่กรอกไว้นี้จะไม่ถูกใช้"
                ),
                format!(
                    "{method} derives residual risk from the control grid; this residual rating is ignored"
                ),
            ),
            M::AcceptedWithoutReason { risk } => say(
                lang,
                format!("ความเสี่ยง {risk} ยอมรับความเสี่ยงโดยไม่มีเหตุผลประกอบ"),
                format!("risk {risk} is accepted without a justification"),
            ),
            M::TransferredToNobody { risk } => say(
                lang,
                format!("ความเสี่ยง {risk} ถ่ายโอนความเสี่ยงโดยไม่ระบุว่าให้ผู้ใด"),
                format!("risk {risk} is transferred without saying to whom"),
            ),
            M::ReduceWithoutMeasures { risk } => say(
                lang,
                format!("ความเสี่ยง {risk} กำหนดให้ลดความเสี่ยงแต่ยังไม่มีมาตรการ"),
                format!("risk {risk} is to be reduced but has no measures"),
            ),
            M::MeasureNoTitle { measure } => say(
                lang,
                format!("มาตรการ {measure} ต้องมีชื่อ"),
                format!("measure {measure} needs a title"),
            ),
            M::UnknownApproach { id } => say(
                lang,
                format!("ไม่มีแนวทาง {id} ใน approaches.ron"),
                format!("approach {id} is not in approaches.ron"),
            ),
            M::UnknownCoBureau { code } => say(
                lang,
                format!("ไม่มีสำนักผู้รับผิดชอบร่วม {code} ใน bureaus.ron"),
                format!("co-responsible bureau {code} is not in bureaus.ron"),
            ),
            M::LeadAsCoResponsible { code } => say(
                lang,
                format!("{code} เป็นผู้รับผิดชอบหลักของมาตรการนี้ ไม่ต้องระบุเป็นผู้รับผิดชอบร่วม"),
                format!("{code} leads this measure; it need not be listed as co-responsible"),
            ),
            M::ListedTwice { code } => say(
                lang,
                format!("{code} ระบุซ้ำสองครั้ง"),
                format!("{code} is listed twice"),
            ),
            M::EndsBeforeStart {
                measure,
                start,
                end,
            } => say(
                lang,
                format!("มาตรการ {measure} สิ้นสุด ({end}) ก่อนเริ่ม ({start})"),
                format!("measure {measure} ends ({end}) before it starts ({start})"),
            ),
            M::OutsideFiscalYear {
                measure,
                start,
                end,
                year,
            } => say(
                lang,
                format!(
                    "มาตรการ {measure} ดำเนินการ {start}–{end} อยู่นอกปีงบประมาณ {year} ({} – {})",
                    d(&year.start()),
                    d(&year.end())
                ),
                format!(
                    "measure {measure} runs {start}–{end}, outside fiscal year {year} ({} – {})",
                    year.start(),
                    year.end()
                ),
            ),
            M::IndicatorTwice { indicator, measure } => say(
                lang,
                format!("ตัวชี้วัด {indicator} กำหนดซ้ำในมาตรการ {measure}"),
                format!("indicator {indicator} is defined twice in measure {measure}"),
            ),
            M::RoundTwice {
                measure,
                round,
                first,
            } => say(
                lang,
                format!(
                    "มาตรการ {measure} มีผลการติดตามรอบ {round} สองรายการ (มีแล้วที่ monitoring[{first}])"
                ),
                format!(
                    "measure {measure} has two entries for round {round} (also monitoring[{first}])"
                ),
            ),
            M::UnknownRound {
                round,
                method,
                known,
            } => say(
                lang,
                format!("{method} ไม่มีรอบการติดตาม {round} (ที่มี: {})", known.join(", ")),
                format!(
                    "round {round} is not defined by {method} (known: {})",
                    known.join(", ")
                ),
            ),
            M::AsOfOutsideRound {
                as_of,
                round,
                year,
                end,
            } => say(
                lang,
                format!(
                    "ผลการติดตาม ณ วันที่ {} อยู่นอกรอบ {round} ของปีงบประมาณ {year} ({} – {})",
                    d(as_of),
                    d(&year.start()),
                    d(end)
                ),
                format!(
                    "monitoring as of {as_of} is outside round {round} of fiscal year {year} ({} – {end})",
                    year.start()
                ),
            ),
            M::Overspent {
                measure,
                disbursed,
                allowed,
            } => {
                let spent = disbursed.grouped();
                match allowed {
                    Allowed::Allocated(a) => say(
                        lang,
                        format!(
                            "มาตรการ {measure} เบิกจ่าย {spent} บาท มากกว่างบประมาณที่ได้รับจัดสรร {} บาท",
                            a.grouped()
                        ),
                        format!(
                            "measure {measure} disbursed {spent} baht, more than the {} baht allocated",
                            a.grouped()
                        ),
                    ),
                    Allowed::NotRequested => say(
                        lang,
                        format!("มาตรการ {measure} เบิกจ่าย {spent} บาท แต่ไม่ได้ขอรับงบประมาณ"),
                        format!(
                            "measure {measure} disbursed {spent} baht, but no budget was requested"
                        ),
                    ),
                    Allowed::NotAllocated => say(
                        lang,
                        format!("มาตรการ {measure} เบิกจ่าย {spent} บาท แต่ยังไม่ได้รับจัดสรรงบประมาณ"),
                        format!(
                            "measure {measure} disbursed {spent} baht, but no budget was allocated"
                        ),
                    ),
                }
            }
            M::NoAddedActivity {
                measure,
                status,
                round,
            } => say(
                lang,
                format!(
                    "มาตรการ {measure} มีสถานะ{}ในรอบ {round} แต่ไม่ได้บันทึกกิจกรรมเพิ่มเติม",
                    status.label(Lang::Th)
                ),
                format!(
                    "measure {measure} is {status:?} at round {round} but records no added activity"
                ),
            ),
            M::CompletedNothingDone { measure, round } => say(
                lang,
                format!("มาตรการ {measure} ดำเนินการแล้วเสร็จในรอบ {round} แต่ไม่ได้บันทึกผลการดำเนินงาน"),
                format!("measure {measure} is completed at round {round} but records nothing done"),
            ),
            M::OtherWithoutReason => say(
                lang,
                "\"เหตุผลอื่น\" ต้องระบุเหตุผล".into(),
                "\"other reason\" needs the reason".into(),
            ),
            M::IndicatorTwoResults { indicator } => say(
                lang,
                format!("ตัวชี้วัด {indicator} มีผลสองรายการในรอบนี้"),
                format!("indicator {indicator} has two results at this round"),
            ),
            M::ZeroWhole { part } => say(
                lang,
                format!(
                    "Fraction({part}, 0): จำนวนทั้งหมด (ตัวเลขที่สอง) เป็น 0 ไม่ได้; ให้เขียนจำนวนที่นับได้และจำนวนทั้งหมด เช่น Fraction(654, 662)"
                ),
                format!(
                    "Fraction({part}, 0): the whole (second number) cannot be 0; write the part and the whole counted, e.g. Fraction(654, 662)"
                ),
            ),
            M::NoSuchIndicator { measure, indicator } => say(
                lang,
                format!("มาตรการ {measure} ไม่มีตัวชี้วัด {indicator}"),
                format!("measure {measure} has no indicator {indicator}"),
            ),
            M::ResultKindMismatch {
                indicator,
                target,
                achieved,
            } => say(
                lang,
                format!(
                    "ตัวชี้วัด {indicator} วัดเป็น{} แต่ผลนี้เป็น{}",
                    value_kind(target),
                    value_kind(achieved)
                ),
                format!(
                    "indicator {indicator} is measured as {target}, but this result is a {achieved}"
                ),
            ),
            M::ReportDatedBefore {
                months,
                date: later,
                earlier_months,
                earlier,
            } => say(
                lang,
                format!(
                    "รายงานรอบ {months} เดือนลงวันที่ {} ก่อนรายงานรอบ {earlier_months} เดือน ({})",
                    d(later),
                    d(earlier)
                ),
                format!(
                    "the {months}-month report is dated {later}, before the {earlier_months}-month one ({earlier})"
                ),
            ),
            M::DisbursedFalls { from, to } => say(
                lang,
                format!(
                    "ผลการเบิกจ่ายเป็นยอดสะสม แต่ลดลงจาก {} เป็น {} บาท",
                    from.grouped(),
                    to.grouped()
                ),
                format!(
                    "disbursed is cumulative but falls from {} to {} baht",
                    from.grouped(),
                    to.grouped()
                ),
            ),
            M::AlsoHoldsRegister {
                other,
                bureau,
                year,
            } => say(
                lang,
                format!("{} เป็นทะเบียนของ {bureau} ปี {year} อยู่แล้ว", other.display()),
                format!(
                    "{} also holds the register of {bureau} for {year}",
                    other.display()
                ),
            ),
            M::IdAlsoUsed {
                kind,
                id,
                other,
                path,
            } => {
                let (th, en) = match kind {
                    IdKind::Risk => ("รหัสความเสี่ยง", "risk"),
                    IdKind::Measure => ("รหัสมาตรการ", "measure"),
                };
                say(
                    lang,
                    format!("{th} {id} ใช้แล้วใน {} ({path})", other.display()),
                    format!("{en} id {id} is also used in {} ({path})", other.display()),
                )
            }
            M::ReviewOverdue { risk, since } => say(
                lang,
                format!("ความเสี่ยง {risk}: เลยกำหนดทบทวนมาตั้งแต่ {}", d(since)),
                format!("risk {risk}: review overdue since {since}"),
            ),
            M::ReportOverdue {
                measure,
                round,
                since,
            } => say(
                lang,
                format!(
                    "มาตรการ {measure}: ยังไม่รายงานผลรอบ {round} ซึ่งเลยกำหนดมาตั้งแต่ {} (วันสิ้นรอบ)",
                    d(since)
                ),
                format!(
                    "measure {measure}: report for round {round} overdue since {since} (the round's end)"
                ),
            ),
            M::PersonNoName => say(lang, "ต้องระบุชื่อบุคคล".into(), "a person needs a name".into()),
            M::Unrecognisable { name } => say(
                lang,
                format!("{name} ไม่มีทั้งชื่อผู้ใช้และอีเมล riskreg จึงไม่มีทางรู้ว่าเป็นใคร"),
                format!(
                    "{name} has neither a login nor an e-mail, so riskreg can never recognise them"
                ),
            ),
            M::LoginWithSpace { login } => say(
                lang,
                format!("ชื่อผู้ใช้ต้องไม่มีช่องว่าง: {login:?}"),
                format!("a login has no spaces: {login:?}"),
            ),
            M::LoginTwice { login, first } => say(
                lang,
                format!("ชื่อผู้ใช้ {login} เป็นของ people[{first}] แล้ว"),
                format!("login {login} is also people[{first}]'s"),
            ),
            M::NotAnEmail { email } => say(
                lang,
                format!("ไม่ใช่ที่อยู่อีเมล: {email:?}"),
                format!("not an e-mail address: {email:?}"),
            ),
            M::EmailTwice { email, first } => say(
                lang,
                format!("อีเมล {email} เป็นของ people[{first}] แล้ว"),
                format!("e-mail {email} is also people[{first}]'s"),
            ),
            M::NoRole { name } => say(
                lang,
                format!("{name} ไม่มีบทบาท จึงแก้ไขอะไรไม่ได้"),
                format!("{name} has no role, so may change nothing"),
            ),
            M::SignerLine => say(
                lang,
                "ต้องเขียนเป็น `principals [options] key-type base64-key` เช่น \
                 `somchai@senate.go.th ssh-ed25519 AAAA…`"
                    .into(),
                "expected `principals [options] key-type base64-key`, e.g. \
                 `somchai@senate.go.th ssh-ed25519 AAAA…`"
                    .into(),
            ),
            M::SignerPattern { principal } => say(
                lang,
                format!("{principal}: รูปแบบตัวแทนอาจเปิดให้คนที่ไม่รู้จักลงนามได้ ให้ระบุทีละคน"),
                format!("{principal}: a pattern could let unknown people sign; name each person"),
            ),
            M::SignerNobody { principal } => say(
                lang,
                format!("{principal} ไม่ตรงกับผู้ใดใน people.ron (ให้ระบุชื่อผู้ใช้หรืออีเมล)"),
                format!("{principal} is nobody in people.ron (give their login or e-mail)"),
            ),
            M::SignerApprovesNothing { who } => say(
                lang,
                format!("{who} ไม่ได้เป็นผู้อนุมัติของสำนักใด ลายมือชื่อของผู้นี้จะถือว่าปลอม"),
                format!("{who} approves no bureau; their signature will read as forged"),
            ),
            M::Load(m) => m.text(lang),
            M::Composed(label) => label.get(lang).to_string(),
        }
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::method::MethodMessage;

    /// One message of every kind. [`kind`] is an exhaustive match: a new
    /// rule does not compile until it has a number there, and the test
    /// below fails until it has a sample here.
    pub(crate) fn samples() -> Vec<Message> {
        use Message as M;
        let s = |x: &str| x.to_string();
        let date = Date::new(2567, 3, 31).expect("date");
        let month = YearMonth::new(2566, 10).expect("month");
        let year = FiscalYear::new(2567).expect("year");
        vec![
            M::BureauTwice {
                code: s("FIN"),
                first: 0,
            },
            M::BureauNoThaiName { code: s("FIN") },
            M::ApproachTwice {
                id: s("A1"),
                first: 1,
            },
            M::Method(MethodMessage::NoBandBetween { from: 9, to: 25 }),
            M::MethodDefinedTwice {
                id: s("coso"),
                version: 1,
                other: "m.ron".into(),
            },
            M::UnknownBureau { code: s("XX") },
            M::MisnamedFile {
                bureau: s("FIN"),
                stem: s("fin"),
            },
            M::WrongYearDir { year, dir: 2566 },
            M::UnknownMethod {
                id: s("coso"),
                version: 9,
                known: vec![],
            },
            M::SignOffNeedsName {
                field: s("prepared_by"),
            },
            M::RiskIdTwice {
                id: s("R1"),
                first: 0,
            },
            M::MeasureIdTwice {
                id: s("M1"),
                first: s("risks[0].measures[0]"),
            },
            M::OutOfScale {
                axis: Axis::Likelihood,
                value: 7,
                max: 5,
                method: s("coso"),
                version: 1,
            },
            M::OutOfScale {
                axis: Axis::Impact,
                value: 0,
                max: 5,
                method: s("coso"),
                version: 1,
            },
            M::RiskNoDescription { risk: s("R1") },
            M::RiskNoProcess { risk: s("R1") },
            M::UnknownCategory {
                category: s("X"),
                known: vec![s("F")],
            },
            M::NoResidual {
                risk: s("R1"),
                method: s("coso"),
            },
            M::ResidualAboveInherent {
                risk: s("R1"),
                residual: s("high"),
                inherent: s("low"),
            },
            M::ResidualIgnored { method: s("pacc") },
            M::AcceptedWithoutReason { risk: s("R1") },
            M::TransferredToNobody { risk: s("R1") },
            M::ReduceWithoutMeasures { risk: s("R1") },
            M::MeasureNoTitle { measure: s("M1") },
            M::UnknownApproach { id: s("A9") },
            M::UnknownCoBureau { code: s("XX") },
            M::LeadAsCoResponsible { code: s("FIN") },
            M::ListedTwice { code: s("FIN") },
            M::EndsBeforeStart {
                measure: s("M1"),
                start: month,
                end: month,
            },
            M::OutsideFiscalYear {
                measure: s("M1"),
                start: month,
                end: month,
                year,
            },
            M::IndicatorTwice {
                indicator: s("I1"),
                measure: s("M1"),
            },
            M::RoundTwice {
                measure: s("M1"),
                round: s("6m"),
                first: 0,
            },
            M::UnknownRound {
                round: s("9m"),
                method: s("coso"),
                known: vec![s("6m")],
            },
            M::AsOfOutsideRound {
                as_of: date,
                round: s("6m"),
                year,
                end: date,
            },
            M::Overspent {
                measure: s("M1"),
                disbursed: Money::from_satang(100),
                allowed: Allowed::Allocated(Money::from_satang(50)),
            },
            M::Overspent {
                measure: s("M1"),
                disbursed: Money::from_satang(100),
                allowed: Allowed::NotRequested,
            },
            M::Overspent {
                measure: s("M1"),
                disbursed: Money::from_satang(100),
                allowed: Allowed::NotAllocated,
            },
            M::NoAddedActivity {
                measure: s("M1"),
                status: TrafficLight::Red,
                round: s("6m"),
            },
            M::CompletedNothingDone {
                measure: s("M1"),
                round: s("6m"),
            },
            M::OtherWithoutReason,
            M::IndicatorTwoResults { indicator: s("I1") },
            M::ZeroWhole { part: 3 },
            M::NoSuchIndicator {
                measure: s("M1"),
                indicator: s("I9"),
            },
            M::ResultKindMismatch {
                indicator: s("I1"),
                target: "Percent",
                achieved: "Count",
            },
            M::ReportDatedBefore {
                months: 12,
                date,
                earlier_months: 6,
                earlier: date,
            },
            M::DisbursedFalls {
                from: Money::from_satang(200),
                to: Money::from_satang(100),
            },
            M::AlsoHoldsRegister {
                other: "a.ron".into(),
                bureau: s("FIN"),
                year,
            },
            M::IdAlsoUsed {
                kind: IdKind::Risk,
                id: s("R1"),
                other: "a.ron".into(),
                path: s("risks[0].id"),
            },
            M::IdAlsoUsed {
                kind: IdKind::Measure,
                id: s("M1"),
                other: "a.ron".into(),
                path: s("risks[0].measures[0].id"),
            },
            M::ReviewOverdue {
                risk: s("R1"),
                since: date,
            },
            M::ReportOverdue {
                measure: s("M1"),
                round: s("6m"),
                since: date,
            },
            M::PersonNoName,
            M::Unrecognisable { name: s("Somchai") },
            M::LoginWithSpace { login: s("a b") },
            M::LoginTwice {
                login: s("a"),
                first: 0,
            },
            M::NotAnEmail { email: s("a") },
            M::EmailTwice {
                email: s("a@b"),
                first: 0,
            },
            M::NoRole { name: s("Somchai") },
            M::SignerLine,
            M::SignerPattern { principal: s("*") },
            M::SignerNobody { principal: s("x") },
            M::SignerApprovesNothing { who: s("x") },
            M::Composed(Label::new("ข้อความ", "text")),
            M::Load(LoadMessage::InvalidUtf8),
        ]
        .into_iter()
        .chain(MethodMessage::samples().into_iter().map(M::Method))
        .chain(LoadMessage::samples().into_iter().map(M::Load))
        .collect()
    }

    /// The number of each kind of message (see [`samples`]).
    fn kind(m: &Message) -> usize {
        use Message as M;
        match m {
            M::BureauTwice { .. } => 0,
            M::BureauNoThaiName { .. } => 1,
            M::ApproachTwice { .. } => 2,
            M::Method(_) => 3,
            M::MethodDefinedTwice { .. } => 4,
            M::UnknownBureau { .. } => 5,
            M::MisnamedFile { .. } => 6,
            M::WrongYearDir { .. } => 7,
            M::UnknownMethod { .. } => 8,
            M::SignOffNeedsName { .. } => 9,
            M::RiskIdTwice { .. } => 10,
            M::MeasureIdTwice { .. } => 11,
            M::OutOfScale { .. } => 12,
            M::RiskNoDescription { .. } => 13,
            M::RiskNoProcess { .. } => 14,
            M::UnknownCategory { .. } => 15,
            M::NoResidual { .. } => 16,
            M::ResidualAboveInherent { .. } => 17,
            M::ResidualIgnored { .. } => 18,
            M::AcceptedWithoutReason { .. } => 19,
            M::TransferredToNobody { .. } => 20,
            M::ReduceWithoutMeasures { .. } => 21,
            M::MeasureNoTitle { .. } => 22,
            M::UnknownApproach { .. } => 23,
            M::UnknownCoBureau { .. } => 24,
            M::LeadAsCoResponsible { .. } => 25,
            M::ListedTwice { .. } => 26,
            M::EndsBeforeStart { .. } => 27,
            M::OutsideFiscalYear { .. } => 28,
            M::IndicatorTwice { .. } => 29,
            M::RoundTwice { .. } => 30,
            M::UnknownRound { .. } => 31,
            M::AsOfOutsideRound { .. } => 32,
            M::Overspent { .. } => 33,
            M::NoAddedActivity { .. } => 34,
            M::CompletedNothingDone { .. } => 35,
            M::OtherWithoutReason => 36,
            M::IndicatorTwoResults { .. } => 37,
            M::ZeroWhole { .. } => 38,
            M::NoSuchIndicator { .. } => 39,
            M::ResultKindMismatch { .. } => 40,
            M::ReportDatedBefore { .. } => 41,
            M::DisbursedFalls { .. } => 42,
            M::AlsoHoldsRegister { .. } => 43,
            M::IdAlsoUsed { .. } => 44,
            M::ReviewOverdue { .. } => 45,
            M::ReportOverdue { .. } => 46,
            M::PersonNoName => 47,
            M::Unrecognisable { .. } => 48,
            M::LoginWithSpace { .. } => 49,
            M::LoginTwice { .. } => 50,
            M::NotAnEmail { .. } => 51,
            M::EmailTwice { .. } => 52,
            M::NoRole { .. } => 53,
            M::SignerLine => 54,
            M::SignerPattern { .. } => 55,
            M::SignerNobody { .. } => 56,
            M::SignerApprovesNothing { .. } => 57,
            M::Composed(_) => 58,
            M::Load(_) => 59,
        }
    }
    const KINDS: usize = 60;

    pub(crate) fn has_thai(s: &str) -> bool {
        s.chars().any(|c| ('\u{0e01}'..='\u{0e5b}').contains(&c))
    }

    #[test]
    fn every_finding_speaks_both_languages() {
        let samples = samples();
        let seen: std::collections::BTreeSet<usize> = samples.iter().map(kind).collect();
        let missing: Vec<usize> = (0..KINDS).filter(|k| !seen.contains(k)).collect();
        assert!(missing.is_empty(), "kinds without a sample: {missing:?}");
        for m in &samples {
            let (th, en) = (m.text(Lang::Th), m.text(Lang::En));
            assert!(has_thai(&th), "no Thai in the Thai text of {m:?}: {th}");
            assert!(!en.trim().is_empty() && !has_thai(&en), "{m:?}: {en}");
            assert_ne!(th, en);
            assert_eq!(m.to_string(), en, "Display is the English text");
            // Thai digits only where asked for (summary/report --thai-digits)
            assert!(!th.contains(|c: char| ('๐'..='๙').contains(&c)), "{th}");
        }
    }

    #[test]
    fn thai_dates_are_written_the_thai_way() {
        let m = Message::ReviewOverdue {
            risk: "FIN-R1".into(),
            since: Date::new(2567, 3, 31).expect("date"),
        };
        assert_eq!(
            m.text(Lang::Th),
            "ความเสี่ยง FIN-R1: เลยกำหนดทบทวนมาตั้งแต่ 31 มี.ค. 2567"
        );
        assert_eq!(
            m.text(Lang::En),
            "risk FIN-R1: review overdue since 2567-03-31"
        );
    }
}
