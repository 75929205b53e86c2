import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("cs_qa_agent_acknowledges_result", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Customer Service app",
            trigger: ".o_app[data-menu-xmlid='cs_management.menu_cs_root']",
            run: "click",
        },
        {
            trigger:
                ".o_menu_sections [data-menu-xmlid='cs_management.menu_cs_service']",
            run: "click",
        },
        {
            content: "The agent's quality results",
            trigger:
                ".dropdown-item[data-menu-xmlid='cs_management.menu_cs_qa_my_results']",
            run: "click",
        },
        {
            content: "Open the published result",
            trigger:
                ".o_list_view .o_data_row:has(td[name='ticket_id']:contains('New consultation')) td[name='date']",
            run: "click",
        },
        {
            content: "The score and the coaching are shown",
            trigger: ".o_form_view:contains('Greet the customer by name')",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name='score_on_scale']:contains('8.2')",
        },
        {
            content: "Acknowledge it",
            trigger: ".o_form_view .o_form_statusbar button[name='action_acknowledge']",
            run: "click",
        },
        {
            content: "Acknowledged, nothing left to do",
            trigger:
                ".o_form_view .o_statusbar_status .o_arrow_button_current[data-value='acknowledged']",
        },
        {
            trigger:
                ".o_form_view .o_form_statusbar:not(:has(button[name='action_acknowledge']))",
        },
    ],
});
