// Sending the visitor's message: each has a random id, so a message sent again after a dropped
// connection or a busy server is stored once (handoff_api/API.md).

import { api } from "./common.js";

const RETRY_STATUSES = new Set([0, 502, 503, 504]); // a dropped connection or a busy server
const RETRY_DELAYS_MS = [1000, 3000];

/** A random id per message (the server stores a retry once). */
export function newMessageId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Posts a message; a dropped connection or a busy server is tried again with the same id. */
export async function postMessage(conversation, json) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await api(`/api/v1/conversations/${conversation.id}/messages`, { method: "POST", token: conversation.token, json });
    } catch (error) {
      if (!RETRY_STATUSES.has(error.status) || attempt >= RETRY_DELAYS_MS.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
    }
  }
}
