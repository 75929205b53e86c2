from odoo import http
from odoo.http import request


class CsFaqController(http.Controller):
    """The portal's FAQ page: the published answers of the service desk
    (DESK-2), for anyone, logged in or not."""

    @http.route("/cs/faq", type="http", auth="public", website=True, sitemap=False)
    def cs_faq(self, **kw):
        articles = (
            request.env["document.page"]
            .sudo()
            .search(
                [
                    ("cs_service", "=", True),
                    ("cs_published", "=", True),
                    ("company_id", "in", [request.env.company.id, False]),
                ],
                order="name",
            )
        )
        return request.render("cs_management.portal_faq", {"articles": articles})
