import { ConfigError, databaseUrlVariable, kafkaBrokersVariable, loadConfig, portVariable, projectRegionsVariable } from './config';

const spec = { PORT: portVariable(3001), DATABASE_URL: databaseUrlVariable, KAFKA_BROKERS: kafkaBrokersVariable, QORGAU_REGIONS: projectRegionsVariable };

describe('loadConfig', () => {
  it('applies defaults and parses lists', () => {
    const config = loadConfig(spec, { DATABASE_URL: 'postgres://u@h/db', QORGAU_REGIONS: 'KZ-79, KZ-71' });
    expect(config).toEqual({ PORT: 3001, DATABASE_URL: 'postgres://u@h/db', KAFKA_BROKERS: ['127.0.0.1:9092'], QORGAU_REGIONS: ['KZ-79', 'KZ-71'] });
  });

  it('names every bad variable at once, and never prints a secret', () => {
    try {
      loadConfig(spec, { PORT: 'eighty', DATABASE_URL: 'mysql://root:hunter2@db/x', QORGAU_REGIONS: 'KZ-00' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('QORGAU_REGIONS');
      expect(message).not.toContain('hunter2');
    }
  });

  it('says when a required variable is not set', () => {
    expect(() => loadConfig(spec, {})).toThrow(/DATABASE_URL: .*\(not set\)/);
  });
});
