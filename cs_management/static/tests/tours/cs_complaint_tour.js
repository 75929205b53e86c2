import {registry} from "@web/core/registry";

const field = (name) => `.o_form_view .o_field_widget[name='${name}']`;
// The test hands over what depends on the database and the user's language
// (stage ids, the folded stage's name, a date in the user's format), so the
// tour finds its way by selectors in any language.
const given = () => window.csTour;
const stageButton = (step) =>
    `.o_statusbar_status button[data-value='${given().stages[step]}']`;
const currentStage = (step) =>
    `.o_statusbar_status .o_arrow_button_current[data-value='${given().stages[step]}']`;

function pickMany2one(name, text) {
    return [
        {
            content: `Type ${text} in ${name}`,
            trigger: `${field(name)} input`,
            run: `edit ${text}`,
        },
        {trigger: `.o-autocomplete--dropdown-item:contains(${text})`, run: "click"},
    ];
}

function moveTo(stage) {
    return [
        {content: `Move to ${stage}`, trigger: stageButton(stage), run: "click"},
        {content: `${stage} reached`, trigger: currentStage(stage)},
    ];
}

registry.category("web_tour.tours").add("cs_complaint_acceptance_to_closed", {
    steps: () => [
        {
            content: "The complaint waits in Acceptance",
            trigger: currentStage("acceptance"),
        },
        {trigger: ".o_notebook .nav-link[name='cs_process']", run: "click"},
        {
            content: "Verification: how severe is it?",
            trigger: `${field("cs_severity")} select`,
            run: 'select "normal"',
        },
        ...moveTo("verification"),
        ...pickMany2one("cs_department_id", "Tour Quality Dept"),
        ...moveTo("investigation"),
        ...pickMany2one("cs_root_cause_id", "Tour root cause"),
        {trigger: `${field("cs_responsible_party")} input`, run: "edit Jar supplier"},
        ...pickMany2one("cs_solution_user_id", "Tour Agent"),
        {
            trigger: `${field("cs_solution_deadline")} input`,
            run: `edit ${given().deadline}`,
        },
        {
            content: "Write the solution",
            trigger: `${field("cs_solution")} .odoo-editor-editable`,
            run: "editor 您好, we refund the jar and replace it. 謝謝",
        },
        ...moveTo("solution"),
        {
            content: "Tell the customer",
            trigger: ".o_form_view button[name='action_cs_tell_result']",
            run: "click",
        },
        {content: "The result is told", trigger: `${field("cs_result_told_date")}`},
        ...moveTo("feedback"),
        {
            content: "The customer is satisfied",
            trigger: `${field("cs_satisfaction")} select`,
            run: 'select "4"',
        },
        ...moveTo("followup"),
        {
            content: "The follow-up visit is planned",
            trigger: `${field("cs_followup_ids")} .o_data_row td[name='satisfaction']`,
            run: "click",
        },
        {
            trigger: `${field("cs_followup_ids")} .o_data_row [name='satisfaction'] select`,
            run: 'select "5"',
        },
        {
            content: "The customer was reached",
            trigger: `${field("cs_followup_ids")} .o_data_row [name='reached'] input`,
            run: "click",
        },
        {
            trigger: `${field("cs_followup_ids")} .o_data_row [name='reached'] input:checked`,
        },
        {
            content: "Visit done",
            trigger: `${field("cs_followup_ids")} .o_data_row button[name='action_done']`,
            run: "click",
        },
        {
            trigger: `${field("cs_followup_ids")} .o_data_row:not(:has(button[name='action_done']))`,
        },
        {
            trigger: `${field("cs_summary")} textarea`,
            run: "edit Seal of the jar failed; supplier warned.",
        },
        {
            content: "Closed is folded: open the other stages",
            trigger: ".o_statusbar_status .dropdown-toggle.o_first",
            run: "click",
        },
        {trigger: `.dropdown-item:contains(${given().closedName})`, run: "click"},
        {content: "The complaint is closed", trigger: currentStage("closed")},
        // the statusbar saves the move itself: wait for it rather than click a
        // save button that shows only until that save is done
        {content: "The closing is saved", trigger: ".o_form_saved"},
    ],
});
