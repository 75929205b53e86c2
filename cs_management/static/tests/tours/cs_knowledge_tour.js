import {registry} from "@web/core/registry";

// DESK-2: an agent answers a consultation from a knowledge-base article in
// two clicks: Use on the suggested article, then Answer & Close.
registry.category("web_tour.tours").add("cs_answer_from_an_article", {
    steps: () => [
        {
            content: "Open the ticket's knowledge base",
            trigger: ".o_notebook .nav-link[name='cs_knowledge']",
            run: "click",
        },
        {
            content: "Use the suggested article",
            trigger: `.o_field_widget[name='cs_suggested_article_ids'] .o_data_row:contains('${window.csTour.article}') button[name='action_cs_use_on_ticket']`,
            run: "click",
        },
        {
            content: "Answer and close",
            trigger: ".o_form_statusbar button[name='action_cs_answer_and_close']",
            run: "click",
        },
        {
            content: "The consultation is closed",
            trigger: `.o_statusbar_status .o_arrow_button_current[data-value='${window.csTour.closed}']`,
        },
    ],
});
