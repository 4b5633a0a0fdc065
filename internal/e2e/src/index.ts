// The correctness harness lands with the gateway issue.
export {};
