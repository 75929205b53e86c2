import {registry} from "@web/core/registry";
import {formatFloat} from "@web/views/fields/formatters";

/**
 * A rate without a denominator (no customer served, no inspection) has no
 * value: the KPI report sends false, shown "—", never 0.00.
 */
export function formatCsRate(value, options = {}) {
    if (value === false || value === null || value === undefined) {
        return "—";
    }
    return formatFloat(value, options);
}

registry.category("formatters").add("cs_rate", formatCsRate);
