import {registry} from "@web/core/registry";

// Issue 15: a rate without data shows "—", never 0.00 with an arrow; the
// store's targets show with their gap.
registry.category("web_tour.tours").add("cs_measures_no_data_and_targets", {
    url: "/odoo/cs-dashboard",
    steps: () => [
        {
            content: "A store without a customer this month shows no complaint rate",
            trigger:
                ".o_kanban_record:contains('Test Store B') span[title]:contains('—')",
        },
        {
            content: "and no arrow beside it",
            trigger:
                ".o_kanban_record:contains('Test Store B') tr:has(span[title]:contains('—')):not(:has(i.fa))",
        },
        {
            content: "The store's target and its gap",
            trigger:
                ".o_kanban_record:contains('Test Store B') .o_cs_dashboard_targets td.text-danger:contains('-3.00')",
        },
        {
            content: "The KPI pivot opens",
            trigger: "body",
            run: () => {
                window.location.href = "/odoo/cs-kpis";
            },
            expectUnloadPage: true,
        },
        {
            content: "A rate without data is a dash in the pivot",
            trigger: ".o_pivot td.o_pivot_cell_value:contains('—')",
        },
    ],
});
