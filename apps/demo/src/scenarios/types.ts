/**
 * What a scenario is: the seed passage it plays, the background client's query, and its steps,
 * each narrated as `[step i/n] title` followed by the registry's and the gateways' answers.
 */
import type { CliResult, Stack } from '../stack.js';
import type { Traffic, TrafficQuery } from './traffic.js';

export interface Step {
  readonly title: string;
  run(): Promise<void>;
}

export interface Scenario {
  /** Its number in the list (1-9), also accepted by `npm run demo -- scenario N`. */
  readonly number: number;
  /** `failed-composition`: what `npm run demo -- scenario NAME` takes. */
  readonly name: string;
  /** One line: what the scenario shows. */
  readonly title: string;
  /** Where it comes from: `seed 001, "Handling composition failure"`. */
  readonly seed: string;
  /** The seed's own words, printed before the first step. */
  readonly quote: string;
  /** What the background client asks from the start (a step may change it). */
  readonly traffic: TrafficQuery & { readonly headers?: Readonly<Record<string, string>> };
  /** The steps; built with the context so they can share state in a closure. */
  steps(ctx: ScenarioContext): readonly Step[];
}

export interface PublishResult extends CliResult {
  /** The launch id the registry answered with, when there was a launch. */
  readonly launch: string | undefined;
}

export interface GatewayAnswer {
  readonly status: number;
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { readonly message: string }[];
}

export interface ScenarioContext {
  readonly stack: Stack;
  readonly traffic: Traffic;
  /** Prints narration under the current step. */
  say(text: string): void;
  /** Runs `orrery <args>` in-process, printing the command and its output; `expect` is the exit code (0). */
  orrery(args: readonly string[], expect?: number): Promise<CliResult>;
  /** `orrery subgraph publish REF --name NAME --schema schemas/NAME-VERSION.graphql [--routing-url URL]`. */
  publish(
    ref: string,
    name: string,
    version: string,
    options?: { readonly routingUrl?: string; readonly expect?: number },
  ): Promise<PublishResult>;
  /** A rolling deploy of a subgraph version on its URL. */
  deploy(name: string, version: string): Promise<void>;
  /** Sends one query to a gateway (by name: `prod`, `canary`...) and prints an excerpt. */
  ask(gateway: string, query: string): Promise<GatewayAnswer>;
  /** The gateway's query plan for `query` (a dry run), printed unless `print` is false. */
  plan(gateway: string, query: string, print?: boolean): Promise<string>;
  /** Does the gateway's API schema have `type.field`? (What clients can query.) */
  hasField(gateway: string, type: string, field: string): Promise<boolean>;
  /** Polls until `test` holds (60 s at most), then says how long it took. */
  until(what: string, test: () => Promise<boolean> | boolean, ms?: number): Promise<void>;
}
