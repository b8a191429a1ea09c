import { Rejection, type RejectionCode } from '../shared/rejection';

/**
 * given(events).when(command).then(events) / .thenRejects(code): the shape of every decider
 * test, so each reads as the rule it checks.
 */
export function deciderSpec<Command, Event, State>(decider: {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}) {
  return {
    given(events: Event[]) {
      return {
        when(command: Command) {
          const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
          return {
            then(expected: Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenRejects(code: RejectionCode, field?: string): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(Rejection);
              expect((thrown as Rejection).code).toBe(code);
              if (field) expect((thrown as Rejection).field).toBe(field);
            },
          };
        },
      };
    },
  };
}
