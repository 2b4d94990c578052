import { MESSAGE_CONTRACTS } from './message-catalog';

describe('the message catalog', () => {
  it('names every message type once: the type is what consumers dispatch on', () => {
    const types = MESSAGE_CONTRACTS.map((contract) => contract.type);
    expect(types.filter((type, index) => types.indexOf(type) !== index)).toEqual([]);
  });

  it.each(MESSAGE_CONTRACTS.map((contract) => [contract.type, contract] as const))(
    '%s: its example is a payload its schema accepts, keyed by a string field',
    (_type, contract) => {
      expect(contract.schema.safeParse(contract.example).error?.issues ?? []).toEqual([]);
      expect(typeof (contract.example as Record<string, unknown>)[contract.key]).toBe('string');
    },
  );
});
