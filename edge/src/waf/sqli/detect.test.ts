import { describe, expect, it } from "vitest";
import { detectSqlInjection } from "./detect.ts";
import { tokenizeSql } from "./tokenize.ts";

describe("tokenizeSql", () => {
  it("classifies words, strings, numbers, operators and comments", () => {
    const types = tokenizeSql("1' OR 'a'='a' -- x")
      .map((token) => token.type)
      .join("");
    // As a bare value the quotes pair up wrongly; in the quoted context the break becomes visible.
    expect(types).toBe("1snsns");
    expect(
      tokenizeSql("1' OR 'a'='a' -- x", "'")
        .map((token) => token.type)
        .join(""),
    ).toBe("s&sosc");
  });

  it("treats a word followed by a parenthesis as a function call", () => {
    expect(tokenizeSql("sleep(5)")[0]).toMatchObject({ type: "f", text: "sleep", tight: true });
    expect(tokenizeSql("turn left (north)")[1]).toMatchObject({ type: "f", text: "left", tight: false });
  });

  it("keeps the body of MySQL versioned comments", () => {
    expect(
      tokenizeSql("/*!50000union*/ select")
        .map((token) => token.type)
        .join(""),
    ).toBe("cUE");
  });
});

describe("detectSqlInjection", () => {
  it.each([
    "1 OR 1=1",
    "admin'--",
    "x' or 'a'='a",
    "1 union all select null,null--",
    "1; drop table players",
    "'; exec xp_cmdshell 'dir'--",
    "1 and sleep(5)",
    "' and extractvalue(1,concat(0x7e,version()))--",
    "OR '{\"a\":1}'::jsonb @> '{\"a\":1}'",
    "1) or (1=1",
  ])("flags %s", (payload) => {
    expect(detectSqlInjection(payload)).not.toBeNull();
  });

  it.each([
    "O'Brien",
    "It's been 2 hours, can you check my deposit?",
    "Please select the game from the lobby",
    "rock 'n' roll",
    "me and you",
    "Tom & Jerry - best cartoon",
    "I'd like to withdraw 50; is that OK?",
    'The "VIP" or "Gold" tier',
    "ping pong (table 3)",
    "SELECT your favourite team",
  ])("leaves prose alone: %s", (text) => {
    expect(detectSqlInjection(text)).toBeNull();
  });
});

describe("detectSqlInjection on support-ticket prose", () => {
  it.each([
    "If x > 5 and y < 3, does the bonus still apply? (x = deposits, y = withdrawals)",
    'Where\'s the "select all" checkbox for marking notifications as read?',
    "The query `SELECT * FROM bets WHERE id = 5` in your docs example is wrong, the column is bet_id.",
    "Drop table games are my favourite (craps, roulette)",
    "I was having 2 > 1 issues with the app",
    "where 2 > 1 is true?",
    // A question opening with a word the tokenizer reads as an operator (`is`, `like`) is still prose.
    "Is it true that 2 > 1 and 1 < 2? Asking for the quiz game",
    // A consent manager's cookie before the visitor has chosen: a quoted number in an object literal.
    "{stamp:'-1',necessary:true,preferences:true,statistics:true,marketing:true,method:'implied',ver:1,utc:1700000000000,region:'us-06'}",
    // Several lines of prose before the first quote: an article or ticket quoting SQL, not a break.
    "Our report on the outage\nThe app sent the query for this page and it failed.\nThe user typed 'susan' and then ' or 1=1; -- into the name box.",
    'Steps to reproduce\nI open the page and type this in the search box.\nThe error says "SELECT * FROM games" failed',
  ])("leaves %j alone", (text) => {
    expect(detectSqlInjection(text)).toBeNull();
  });

  it.each([
    " having 1=1--",
    " group by userid having 1=1--",
    " WHERE 1=1 AND 1=0--",
    "' (select top 1",
    "@var select @var as var into temp end --",
    "drop table users--",
    "' select * from users--",
    "1\n' or 1=1--",
    "x\ny' union select password from users--",
    // Arithmetic on a broken-out quote still counts when SQL can go on after it.
    "x'-1--",
    "x'-'1",
    "x'+1+'",
  ])("flags %j", (payload) => {
    expect(detectSqlInjection(payload)).not.toBeNull();
  });
});
