import { describe, expect, it } from "vitest";
import { renderResponseMessage } from "./render-response-message.ts";

describe("renderResponseMessage", () => {
  it("reads the receiver's response first, then the event data", () => {
    expect(
      renderResponseMessage("Thank you, <name>. Order <order.id> for <phone>.", {
        response: { name: "John", order: { id: 7 } },
        data: { name: "ignored", phone: "+91" },
      }),
    ).toEqual({ text: "Thank you, John. Order 7 for +91.", missingVariables: [] });
  });

  it("renders missing variables empty and lists them", () => {
    expect(renderResponseMessage("Hi <who>", { response: "not json", data: {} })).toEqual({
      text: "Hi ",
      missingVariables: ["who"],
    });
  });
});
