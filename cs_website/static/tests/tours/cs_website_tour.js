import {registry} from "@web/core/registry";

const field = (name) => `#cs_service_request_form [name='${name}']`;

// Selects the option whose text contains ``text`` (ids differ per database).
function pickOption(name, text) {
    return {
        content: `Choose ${text}`,
        trigger: `${field(name)}:has(option:contains(${text}))`,
        run() {
            const option = [...this.anchor.options].find((o) => o.text.includes(text));
            this.anchor.value = option.value;
            this.anchor.dispatchEvent(new Event("change", {bubbles: true}));
        },
    };
}

registry.category("web_tour.tours").add("cs_website_file_complaint", {
    steps: () => [
        pickOption("team_id", "Test Store A"),
        pickOption("category_id", "Complaint"),
        {trigger: field("name"), run: "edit Tour lipstick melted in the box"},
        {
            trigger: field("description"),
            run: "edit The lipstick was soft and melted when it arrived.",
        },
        {trigger: field("partner_name"), run: "edit Tour Visitor"},
        {trigger: field("partner_email"), run: "edit tour.visitor@example.org"},
        {trigger: field("cs_consent"), run: "check"},
        {content: "Send", trigger: ".s_website_form_send", run: "click"},
        {
            content: "The receipt shows the ticket number and the promised reply",
            trigger: ".cs_ticket_number:not(:empty)",
        },
        {trigger: ".cs_promised_date:not(:empty)"},
    ],
});

registry.category("web_tour.tours").add("cs_website_complaint_in_store_kanban", {
    steps: () => [
        {
            content: "The complaint filed on the web waits in the store's kanban",
            trigger: `.o_kanban_record:contains(${window.csTour.name})`,
        },
    ],
});
