import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("cs_qa_reviewer_publishes_result", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='cs_management.menu_cs_root']",
            run: "click",
        },
        {
            trigger:
                ".o_menu_sections [data-menu-xmlid='cs_management.menu_cs_review']",
            run: "click",
        },
        {
            content: "The reviewer's inspections",
            trigger:
                ".dropdown-item[data-menu-xmlid='cs_management.menu_cs_qa_inspection']",
            run: "click",
        },
        {
            content: "Open the sampled ticket to review",
            trigger:
                ".o_list_view .o_data_row:has(td[name='ticket_id']:contains('Closed request')) td[name='date']",
            run: "click",
        },
        {
            content: "The criteria of the scorecard, at full points",
            trigger:
                ".o_form_view .o_field_one2many[name='line_ids'] .o_data_row:contains('Resolution')",
        },
        {
            content: "Write the coaching remarks",
            trigger: ".o_form_view .o_field_html[name='remarks'] .odoo-editor-editable",
            run: "editor Well handled, keep it up.",
        },
        {
            content: "Publish to the agent",
            trigger: ".o_form_view .o_form_statusbar button[name='action_publish']",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status .o_arrow_button_current[data-value='published']",
        },
        {
            trigger: ".o_form_view .ribbon .text-bg-success",
        },
        {
            content: "Back to the list, then the scores per store and month",
            trigger:
                ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            run: "click",
        },
        {
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            trigger: ".o_pivot_view .o_pivot",
        },
    ],
});
