{
    "name": "Customer Service: Live Chat",
    "summary": "Turn a live chat conversation into a service ticket with its "
    "transcript, in the store's team, received when the chat started",
    "version": "18.0.1.0.0",
    "category": "Services/Customer Service",
    "license": "AGPL-3",
    "author": "CS Suite developers",
    "website": "https://github.com/cs-suite/cs-suite",
    "depends": [
        "cs_management",
        "im_livechat",
    ],
    "data": [
        "views/im_livechat_channel_views.xml",
        "views/discuss_channel_views.xml",
    ],
    "demo": [
        "demo/im_livechat_channel_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "cs_livechat/static/src/channel_commands.js",
        ],
    },
    "auto_install": True,
    "installable": True,
}
