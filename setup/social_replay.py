#!/usr/bin/env python3
"""An example social-platform connector: replays a JSON file of platform
messages into the social intake API, then prints the agents' replies
waiting for the platform. A real connector (LINE, Facebook, Instagram,
WeChat...) does the same with the platform's webhooks and its send API.

    CS_API_KEY=... python3 setup/social_replay.py setup/social_sample.json \
        [--url http://127.0.0.1:8069] [--platform facebook]

The key is an API key of a user in the "Social connector" group (see the
README). Sending the same file twice creates nothing new: the API is
idempotent on the platform's message id."""

import argparse
import json
import os
import sys
import urllib.error
import urllib.request


def call(url, key, data=None):
    request = urllib.request.Request(
        url,
        data=json.dumps(data).encode() if data is not None else None,
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        method="POST" if data is not None else "GET",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("messages", help="a JSON file: a list of messages")
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--platform", help="fetch the replies of this platform only")
    args = parser.parse_args()
    key = os.environ.get("CS_API_KEY")
    if not key:
        sys.exit("Set CS_API_KEY to the connector's API key.")
    with open(args.messages, encoding="utf-8") as file:
        messages = json.load(file)
    failed = 0
    for message in messages:
        status, body = call(f"{args.url}/cs/social/v1/messages", key, message)
        print(status, message.get("message_id"), json.dumps(body, ensure_ascii=False))
        failed += status >= 400
    query = f"?platform={args.platform}" if args.platform else ""
    status, body = call(f"{args.url}/cs/social/v1/replies{query}", key)
    for reply in body.get("replies", []):
        print("reply", json.dumps(reply, ensure_ascii=False))
    return 1 if failed or status >= 400 else 0


if __name__ == "__main__":
    sys.exit(main())
