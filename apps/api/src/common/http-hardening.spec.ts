import { jsonDeeperThan, reservedJsonKey } from './http-hardening';

const key = (json: string) => reservedJsonKey(Buffer.from(json));

describe('reservedJsonKey: keys that are never data (#14 point 5)', () => {
  it('given __proto__, constructor, prototype or an Object.prototype member as a key at any depth, then it is named', () => {
    expect(key('{"__proto__":{"admin":true}}')).toBe('__proto__');
    expect(key('{"a":[{"b":{"constructor" : 1}}]}')).toBe('constructor');
    expect(key('{"x":1,\n "toString"\t:"y"}')).toBe('toString');
    expect(key('{"hasOwnProperty":1}')).toBe('hasOwnProperty');
    expect(key('{"prototype":1}')).toBe('prototype');
  });

  it('given the same words as values or inside text, or ordinary keys, then nothing is named', () => {
    expect(key('{"note":"__proto__"}')).toBeNull();
    expect(key('{"note":"\\"constructor\\": inside text"}')).toBeNull();
    expect(key('["toString", "valueOf"]')).toBeNull();
    expect(key('{"name":"马小虎","studentId":"x","constructorName":1}')).toBeNull();
  });
});

describe('jsonDeeperThan', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonDeeperThan(Buffer.from('[[[1]]]'), 2)).toBe(true);
    expect(jsonDeeperThan(Buffer.from('{"a":"[[[[["}'), 2)).toBe(false);
  });
});
