// Shared helpers of the interop scripts: argument parsing, a hard deadline and one JSON line of result.
import { parseArgs } from "node:util";

/** Parses --name value options; every option is a string. */
export function options(names) {
    const { values } = parseArgs({ options: Object.fromEntries(names.map(n => [n, { type: "string" }])), strict: true });
    return values;
}

/** Ends the process with a JSON failure after `seconds`, so no run can hang the test that started it. */
export function deadline(seconds, what) {
    const timer = setTimeout(() => {
        result({ ok: false, error: `${what} did not finish within ${seconds} s` });
        process.exit(3);
    }, seconds * 1000);
    timer.unref();
}

/** Prints the one result line the C# test reads (prefixed so log lines are never mistaken for it). */
export function result(value) {
    process.stdout.write(`RESULT ${JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v))}\n`);
}
