import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

function scoreCriterion(name, score) {
    const cell = `.o_field_widget[name='line_ids'] .o_data_row:has(td[name='name']:contains('${name}')) td[name='supervisor_score']`;
    return [
        {
            content: `Score ${name}`,
            trigger: cell,
            run: "click",
        },
        {
            trigger: `${cell} input`,
            run: `edit ${score}`,
        },
    ];
}

registry.category("web_tour.tours").add("cs_appraisal_supervisor_review", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Service Appraisal app",
            trigger: ".o_app[data-menu-xmlid='cs_appraisal.menu_appraisal_root']",
            run: "click",
        },
        {
            trigger:
                ".o_menu_sections [data-menu-xmlid='cs_appraisal.menu_appraisal_appraisals']",
            run: "click",
        },
        {
            content: "Open the team's appraisals",
            trigger:
                ".dropdown-item[data-menu-xmlid='cs_appraisal.menu_appraisal_all']",
            run: "click",
        },
        {
            content: "Open the agent's form, waiting for the review",
            trigger:
                ".o_list_view .o_data_row td[name='employee_id']:contains('T Agent A')",
            run: "click",
        },
        {
            content: "The employee's self-assessment is in",
            trigger:
                ".o_field_widget[name='line_ids'] .o_data_row:has(td[name='name']:contains('Knowledge')) td[name='self_score']:contains('8')",
        },
        ...scoreCriterion("Attitude", 4),
        ...scoreCriterion("Knowledge", 9),
        ...scoreCriterion("Teamwork", 3),
        {
            content: "Write the assessment",
            trigger: ".o_notebook .nav-link[name='comments']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='supervisor_comment'] textarea",
            run: "edit Reliable, warm with customers.",
        },
        {
            content: "Submit the review",
            trigger: ".o_form_view button[name='action_submit_review']",
            run: "click",
        },
        {
            content: "The form goes to calibration",
            trigger:
                ".o_statusbar_status .o_arrow_button_current[data-value='calibration']",
        },
    ],
});
