import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("cs_training_trainer_scores_practical", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Service Training app",
            trigger: ".o_app[data-menu-xmlid='cs_training.menu_training_root']",
            run: "click",
        },
        {
            trigger:
                ".o_menu_sections [data-menu-xmlid='cs_training.menu_training_training']",
            run: "click",
        },
        {
            content: "Open the assessments",
            trigger:
                ".dropdown-item[data-menu-xmlid='cs_training.menu_training_assessment']",
            run: "click",
        },
        {
            content: "Open the new hire's attempt",
            trigger:
                ".o_list_view .o_data_row td[name='employee_id']:contains('T Agent A')",
            run: "click",
        },
        {
            content: "The theory exam is taken",
            trigger:
                ".o_form_view .o_field_widget[name='theory_score']:contains('100')",
        },
        {
            content: "Go to the practical exam",
            trigger: ".o_form_view .o_notebook .nav-link[name='practical']",
            run: "click",
        },
        {
            content: "Score the rubric criterion",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row td[name='level']",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='line_ids'] .o_data_row td[name='level'] select",
            run: 'select "4"',
        },
        {
            content: "Record the scores",
            trigger: ".o_form_view button[name='action_record_scores']",
            run: "click",
        },
        {
            content: "The attempt is passed",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='passed']",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='final_score']:contains('92')",
        },
    ],
});
