import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("cs_store_manager_sees_own_store", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Customer Service app",
            trigger: ".o_app[data-menu-xmlid='cs_management.menu_cs_root']",
            run: "click",
        },
        {
            content: "Open the tickets",
            trigger:
                ".o_menu_sections [data-menu-xmlid='cs_management.menu_cs_service']",
            run: "click",
        },
        {
            trigger: ".dropdown-item[data-menu-xmlid='cs_management.menu_cs_ticket']",
            run: "click",
        },
        {
            content: "The ticket of the manager's store is listed",
            trigger: ".o_list_view .o_data_row:contains('Ticket of store A')",
        },
        {
            content: "and nothing of the other store",
            trigger:
                ".o_list_view:not(:has(.o_data_row:contains('Ticket of store B')))",
        },
        {
            content: "Every listed ticket belongs to store A",
            trigger:
                ".o_list_view:not(:has(.o_data_row td[name='cs_store_id']:not(:contains('Test Store A'))))",
        },
    ],
});
