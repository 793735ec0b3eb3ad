//! Snapshots of every screen drawn into ratatui's TestBackend, at 80×24 and
//! 120×40, with the Thai content of the sample registers, in colour (the
//! buffer with its styles) and without (the text alone, as NO_COLOR shows).

mod common;

use common::tui::{ctrl, key, typed};
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use riskreg::tui::app::App;
use riskreg::tui::theme::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The app in Thai, after the given steps, in both themes.
fn with_app(steps: impl Fn(&mut App, &std::path::Path)) -> Vec<(bool, App, tempfile::TempDir)> {
    [true, false]
        .into_iter()
        .map(|colour| {
            let (dir, root) = common::sample_workspace();
            let theme = if colour {
                Theme::colourful()
            } else {
                Theme::mono()
            };
            let mut app = App::open(&root, common::tui::thai(), theme).expect("samples open");
            app.today = Some(common::tui::today());
            steps(&mut app, dir.path());
            (colour, app, dir)
        })
        .collect()
}

fn snapshot(name: &str, steps: impl Fn(&mut App, &std::path::Path)) {
    for (colour, app, _dir) in with_app(steps) {
        for (w, h) in SIZES {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
            terminal
                .draw(|f| riskreg::tui::view::draw(f, &app))
                .expect("draw");
            if colour {
                insta::assert_snapshot!(
                    format!("{name}_{w}x{h}_colour"),
                    format!("{:?}", terminal.backend().buffer())
                );
            } else {
                insta::assert_snapshot!(
                    format!("{name}_{w}x{h}_mono"),
                    terminal.backend().to_string()
                );
            }
        }
    }
}

/// Overview → FIN.
fn fin(app: &mut App) {
    typed(app, "j");
    key(app, KeyCode::Enter);
}

#[test]
fn overview() {
    snapshot("overview", |_, _| {});
}

#[test]
fn register() {
    snapshot("register", |app, _| fin(app));
}

#[test]
fn register_search() {
    snapshot("register_search", |app, _| {
        fin(app);
        typed(app, "/ทรัพย์");
    });
}

#[test]
fn editor() {
    snapshot("editor", |app, _| {
        fin(app);
        key(app, KeyCode::Enter);
    });
}

#[test]
fn editor_pick_list() {
    snapshot("editor_pick", |app, _| {
        fin(app);
        key(app, KeyCode::Enter);
        typed(app, "jjjj");
        key(app, KeyCode::Enter);
    });
}

#[test]
fn editor_text_with_error() {
    snapshot("editor_text_error", |app, _| {
        fin(app);
        key(app, KeyCode::Enter);
        typed(app, "Gk");
        key(app, KeyCode::Enter);
        // the amount of FIN-M1's budget, mistyped
        typed(app, "x");
        key(app, KeyCode::Enter);
    });
}

#[test]
fn monitoring() {
    snapshot("monitoring", |app, _| {
        fin(app);
        typed(app, "o[y");
    });
}

#[test]
fn monitoring_form() {
    snapshot("monitoring_form", |app, _| {
        fin(app);
        typed(app, "o[");
        key(app, KeyCode::Enter);
    });
}

#[test]
fn matrix() {
    snapshot("matrix", |app, _| {
        fin(app);
        typed(app, "mk");
    });
}

#[test]
fn matrix_residual_from_control_grid() {
    // ICT is rated with the PACC 3×3 methodology, whose residual comes from controls
    snapshot("matrix_control_grid", |app, _| {
        typed(app, "jjj");
        key(app, KeyCode::Enter);
        typed(app, "mt");
    });
}

#[test]
fn summary() {
    snapshot("summary", |app, _| typed(app, "5"));
}

#[test]
fn changes() {
    snapshot("changes", |app, dir| {
        common::git(dir, &["init", "-q"]);
        common::git(dir, &["add", "."]);
        common::git(dir, &["commit", "-q", "-m", "samples"]);
        fin(app);
        typed(app, "or");
        ctrl(app, 's');
        // and one more edit, not saved
        typed(app, "y6");
    });
}

#[test]
fn help() {
    snapshot("help_register", |app, _| {
        fin(app);
        typed(app, "?");
    });
}

#[test]
fn confirm_quit() {
    snapshot("confirm_quit", |app, _| {
        fin(app);
        typed(app, "ory");
        typed(app, "q");
    });
}

#[test]
fn too_small() {
    let (_d, root) = common::sample_workspace();
    let app = App::open(&root, common::tui::thai(), Theme::mono()).expect("open");
    let mut terminal = Terminal::new(TestBackend::new(79, 23)).expect("terminal");
    terminal
        .draw(|f| riskreg::tui::view::draw(f, &app))
        .expect("draw");
    let text = terminal.backend().to_string();
    assert!(text.contains("80×24"), "{text}");
    insta::assert_snapshot!("too_small_79x23_mono", text);
}

#[test]
fn editor_new_risk_shows_the_validator_in_place() {
    snapshot("editor_new_risk", |app, _| {
        fin(app);
        typed(app, "a");
    });
}

#[test]
fn header_form() {
    // MTG is approved in the samples: the approval is shown read only, with its state
    snapshot("header", |app, _| {
        common::select_bureau(app, "MTG");
        key(app, KeyCode::Enter);
        typed(app, "H");
    });
}

#[test]
fn header_form_refuses_a_bad_date_in_place() {
    snapshot("header_bad_date", |app, _| {
        fin(app);
        typed(app, "Hjjjj");
        key(app, KeyCode::Enter);
        ctrl(app, 'u');
        typed(app, "2567-02-30");
        key(app, KeyCode::Enter);
    });
}

#[test]
fn confirm_deleting_an_indicator_with_results() {
    snapshot("confirm_delete_indicator", |app, _| {
        key(app, KeyCode::Enter); // CAB
        key(app, KeyCode::Enter); // CAB-R1
        let name = riskreg::tui::form::Field::IndicatorName(0, 0);
        app.editor.cursor = app
            .form_fields()
            .iter()
            .position(|f| *f == name)
            .expect("CAB-M1 has an indicator");
        typed(app, "x");
    });
}

#[test]
fn long_messages_wrap_instead_of_being_cut_at_the_edge() {
    snapshot("long_messages", |app, _| {
        fin(app);
        key(app, KeyCode::Enter); // FIN-R1
        // no residual rating: the validator's finding is longer than 80 columns
        app.mutate(|reg, _, _| {
            reg.risks[0].residual = None;
            Ok(())
        })
        .expect("edit");
        // the status after a reload with merge, the longest the interface
        // says, in English where it takes two rows
        app.lang = riskreg::model::Lang::En;
        app.status = Some(app.merged_status());
    });
    for (_, app, _dir) in with_app(|app, _| {
        fin(app);
        typed(app, "d"); // an unsaved edit, for the status that says so
        app.lang = riskreg::model::Lang::En;
        app.status = Some(app.merged_status());
    }) {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
        terminal
            .draw(|f| riskreg::tui::view::draw(f, &app))
            .expect("draw");
        let screen = terminal.backend().to_string();
        assert!(
            screen.contains("Ctrl-S saves)"),
            "the message's end is on screen:\n{screen}"
        );
    }
}

/// A long Thai description with bullets: the words the issue saw cut
/// (ประสิทธิภาพ, เลขาธิการ, วุฒิสภา, โน้ตบุ๊ก, เบิกจ่าย) and a dash that must
/// stay with its word.
const LONG_THAI: &str = "การเบิกจ่ายเงินงบประมาณไม่เป็นไปตามแผนการใช้จ่ายที่ได้รับอนุมัติ เนื่องจากขาดการติดตามและประสานงานระหว่างหน่วยงานอย่างต่อเนื่อง\n- ประสิทธิภาพของการตรวจสอบเอกสารหลักฐานการเบิกจ่ายของสำนักงานเลขาธิการวุฒิสภา\n- โน้ตบุ๊กและครุภัณฑ์คอมพิวเตอร์ที่ยืมไปใช้นอกสถานที่";

/// FIN on screen with FIN-R1's description replaced by [`LONG_THAI`].
fn long_thai_description(app: &mut App) {
    fin(app);
    app.mutate(|reg, _, _| {
        reg.risks[0].description = LONG_THAI.into();
        Ok(())
    })
    .expect("edit");
}

/// No row of `screen` cuts one of the words or leaves a dash alone.
fn words_whole(screen: &str) {
    for word in ["ประสิทธิภาพ", "เลขาธิการ", "วุฒิสภา", "โน้ตบุ๊ก", "เบิกจ่าย"]
    {
        assert!(screen.contains(word), "{word} cut:\n{screen}");
    }
    for row in screen.lines() {
        let inside = row.trim_matches(|c: char| c == '"' || c == '│' || c == ' ');
        assert_ne!(inside, "-", "a lone dash:\n{screen}");
    }
}

#[test]
fn thai_wraps_between_words_in_the_detail_pane() {
    snapshot("register_long_thai", |app, _| long_thai_description(app));
    for (_, app, _dir) in with_app(|app, _| long_thai_description(app)) {
        for (w, h) in SIZES {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal
                .draw(|f| riskreg::tui::view::draw(f, &app))
                .expect("draw");
            words_whole(&terminal.backend().to_string());
        }
    }
}

#[test]
fn thai_wraps_between_words_in_the_edit_window_and_the_cursor_follows() {
    let open = |app: &mut App| {
        long_thai_description(app);
        key(app, KeyCode::Enter); // FIN-R1 in the editor
        app.editor.cursor = app
            .form_fields()
            .iter()
            .position(|f| *f == riskreg::tui::form::Field::Description)
            .expect("a risk has a description");
        key(app, KeyCode::Enter);
    };
    snapshot("edit_long_thai", |app, _| open(app));
    for (_, mut app, _dir) in with_app(|app, _| open(app)) {
        for (w, h) in SIZES {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            let mut draw = |app: &App| {
                terminal
                    .draw(|f| riskreg::tui::view::draw(f, app))
                    .expect("draw");
                let at = terminal.get_cursor_position().expect("a cursor");
                let buf = terminal.backend().buffer().clone();
                let cell = |x: u16| buf[(x, at.y)].symbol().to_string();
                (cell(at.x.saturating_sub(1)), cell(at.x), at, buf)
            };
            // at the end: just after the last cluster, ที่ of สถานที่
            let (before, _, _, buf) = draw(&app);
            let screen = format!("{buf:?}");
            words_whole(&screen);
            assert_eq!(before, "ที่");
            // three clusters back (ที่, น, า): between ถ and า
            for _ in 0..3 {
                key(&mut app, KeyCode::Left);
            }
            let (before, under, _, _) = draw(&app);
            assert_eq!((before.as_str(), under.as_str()), ("ถ", "า"));
            // the line's start: the dash of the last bullet, at the window's edge
            key(&mut app, KeyCode::Home);
            let (before, under, _, _) = draw(&app);
            assert_eq!((before.as_str(), under.as_str()), ("│", "-"));
            key(&mut app, KeyCode::End);
        }
    }
}
