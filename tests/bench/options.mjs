// Command-line options of the browser benchmark (`cargo xtask bench` forwards its own).
//   --iterations N      with/without pairs to run (default 5); medians are over these
//   --churn-seconds N   length of each DOM-churn run (default 30)
//   --quick             2 iterations and 5 s of churn: checks the bench itself, not the extension

export const DEFAULTS = Object.freeze({ iterations: 5, churnSeconds: 30, windowMs: 5000, quick: false });
const QUICK = Object.freeze({ iterations: 2, churnSeconds: 5 });

export function parseOptions(argv) {
  const options = { ...DEFAULTS };
  const explicit = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const number = () => {
      const n = Number(argv[(i += 1)]);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${arg} takes a positive whole number`);
      return n;
    };
    if (arg === '--quick') options.quick = true;
    else if (arg === '--iterations') explicit.iterations = number();
    else if (arg === '--churn-seconds') explicit.churnSeconds = number();
    else throw new Error(`unknown option ${arg}`);
  }
  // Explicit numbers win over --quick, so `--quick --churn-seconds 10` does what it says.
  return { ...options, ...(options.quick ? QUICK : {}), ...explicit };
}
