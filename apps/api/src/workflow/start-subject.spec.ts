import { startSubject } from './start-subject';

describe('what a procedure is about (start event property "subject")', () => {
  const xml = (properties: string) =>
    [
      '<bpmn:process id="p">',
      `  <bpmn:startEvent id="start"><bpmn:extensionElements><zeebe:properties>${properties}</zeebe:properties></bpmn:extensionElements></bpmn:startEvent>`,
      '  <bpmn:subProcess id="sub"><bpmn:startEvent id="inner" /></bpmn:subProcess>',
      '</bpmn:process>',
    ].join('\n');

  it('given a start event saying subject=student, then the procedure is about a student', () => {
    expect(
      startSubject(
        xml('<zeebe:property name="starterGroups" value="class-teacher" /><zeebe:property name="subject" value="student" />'),
        'start',
      ),
    ).toBe('student');
  });

  it('given no subject, or another start event, then nothing is required', () => {
    expect(startSubject(xml('<zeebe:property name="starterGroups" value="class-teacher" />'), 'start')).toBeNull();
    expect(startSubject(xml('<zeebe:property name="subject" value="student" />'), 'inner')).toBeNull();
  });
});
