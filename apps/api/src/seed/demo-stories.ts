/**
 * The demo county's cases, as stories a clerk would tell: who started what for which child, and which steps
 * were already done. They leave every demo user in the README with work waiting, and some cases finished,
 * refused, signed off or waiting on a timer, so a newcomer sees a living county. Dates are relative to today.
 * `student` picks a demo child at the story's school by position; `file` in data is replaced by an uploaded PDF.
 */
export interface DemoStep {
  as: string;
  activity: string;
  data: Record<string, unknown>;
}

export interface DemoStory {
  title: string;
  process: string;
  starter: string;
  orgUnit: string;
  student?: number;
  /** start from the school's suspected-dropout ledger entry at this position instead (as the ledger page does) */
  ledgerEntry?: number;
  /** start variables (e.g. a single rectification item's problem and deadline) */
  variables?: Record<string, unknown>;
  steps: DemoStep[];
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** up to two days back, never into last month (both 吉强镇 visits count for this month) */
const EARLIER_THIS_MONTH = -Math.min(2, new Date().getUTCDate() - 1);
const FILE = { file: '证明材料（演示）.pdf' };
const XIJI_SCHOOL = '64042210001'; // 吉强镇中心小学 (teacher, registrar, principal)
const XINGLONG_SCHOOL = '64042210101'; // 兴隆镇中心小学 (teacher2)

const application = (reason: string, periodDays: number) => ({
  studentName: '$student.name',
  idNumber: '$student.idNumber',
  applicationType: 'suspension',
  reason: 'illness',
  reasonDetail: reason,
  periodFrom: day(0),
  periodTo: day(periodDays),
  certificate: FILE,
  guardianName: '马建国（演示）',
  guardianRelation: 'father',
  guardianPhone: '13912345678',
});
const ok = (opinion: string) => ({ decision: 'approve', opinion });
const visit = (visitors: string, returned: boolean, outcome: string) => ({
  dropoutCause: 'learning-difficulty',
  visits: [{ visitNo: 1, visitDate: day(0), visitors, method: 'home-visit', outcome }],
  returned,
});
const homeVisit = (situation: string, dropoutRisk = true) => ({
  visitDate: day(-1),
  visitors: '马老师（演示）',
  visitMethod: 'in-person',
  familySituation: situation,
  flags: ['left-behind'],
  dropoutRisk,
});
const townshipVisit = (townshipCode: string, offset: number) => ({
  townshipCode,
  visitDate: day(offset),
  placesVisited: '中心小学、北坡村',
  findings: '疑似辍学学生已入户核实（演示）',
  followUp: '督促学校一周内上报劝返进展',
});
const plan = {
  disabilityType: 'physical',
  disabilityGrade: 2,
  teachers: '马老师（演示）',
  hoursPerWeek: 2,
  planFrom: day(0),
  planTo: day(120),
  goals: '生活自理训练；语文、数学每周各1课时',
  guardianConsent: true,
};

export const DEMO_STORIES: DemoStory[] = [
  // 延缓入学/休学: one at each level of approval, one refused, one approved (waiting for its renewal reminder)
  {
    title: '休学：待校长审核',
    process: 'deferral-suspension',
    starter: 'registrar',
    orgUnit: XIJI_SCHOOL,
    student: 0,
    steps: [{ as: 'registrar', activity: 'apply', data: application('肺结核治疗期，需居家休养', 180) }],
  },
  {
    title: '休学：退回学籍管理员补正',
    process: 'deferral-suspension',
    starter: 'registrar',
    orgUnit: XIJI_SCHOOL,
    student: 1,
    steps: [
      { as: 'registrar', activity: 'apply', data: application('骨折术后康复', 400) },
      { as: 'principal', activity: 'schoolReview', data: { decision: 'return', opinion: '休学期限超过一学年，请修改' } },
    ],
  },
  {
    title: '休学：待乡镇审核',
    process: 'deferral-suspension',
    starter: 'registrar',
    orgUnit: XIJI_SCHOOL,
    student: 2,
    steps: [
      { as: 'registrar', activity: 'apply', data: application('先天性心脏病手术', 150) },
      { as: 'principal', activity: 'schoolReview', data: ok('情况属实，同意') },
    ],
  },
  {
    title: '休学：待领导小组审批',
    process: 'deferral-suspension',
    starter: 'registrar',
    orgUnit: XIJI_SCHOOL,
    student: 3,
    steps: [
      { as: 'registrar', activity: 'apply', data: application('重度贫血住院治疗', 120) },
      { as: 'principal', activity: 'schoolReview', data: ok('同意') },
      { as: 'township', activity: 'townshipReview', data: ok('乡镇核实，同意') },
    ],
  },
  {
    title: '休学：已批准（期满前提醒续期）',
    process: 'deferral-suspension',
    starter: 'registrar',
    orgUnit: XIJI_SCHOOL,
    student: 4,
    steps: [
      { as: 'registrar', activity: 'apply', data: application('肾病综合征治疗', 200) },
      { as: 'principal', activity: 'schoolReview', data: ok('同意') },
      { as: 'township', activity: 'townshipReview', data: ok('同意') },
      { as: 'leader', activity: 'groupApproval', data: ok('经领导小组核实同意') },
    ],
  },
  {
    title: '休学：乡镇不予批准',
    process: 'deferral-suspension',
    starter: 'registrar',
    orgUnit: XIJI_SCHOOL,
    student: 7,
    steps: [
      { as: 'registrar', activity: 'apply', data: application('家长称孩子体弱', 200) },
      { as: 'principal', activity: 'schoolReview', data: ok('同意上报') },
      { as: 'township', activity: 'townshipReview', data: { decision: 'reject', opinion: '可随班就读，不符合休学条件' } },
    ],
  },

  // 劝返复学 from the ledger: step 1 waiting, step 2 waiting, one returned and placed (in its follow-up period)
  { title: '劝返：班主任家访', process: 'persuasion-return', starter: 'basic-edu', orgUnit: XIJI_SCHOOL, ledgerEntry: 0, steps: [] },
  {
    title: '劝返：兴隆镇班主任家访',
    process: 'persuasion-return',
    starter: 'basic-edu',
    orgUnit: XINGLONG_SCHOOL,
    ledgerEntry: 0,
    steps: [],
  },
  {
    title: '劝返：升级到校长',
    process: 'persuasion-return',
    starter: 'basic-edu',
    orgUnit: XIJI_SCHOOL,
    ledgerEntry: 1,
    steps: [{ as: 'teacher', activity: 'persuade', data: visit('马老师（演示）', false, '家长仍不同意返校') }],
  },
  {
    title: '劝返：已返校，待安置',
    process: 'persuasion-return',
    starter: 'basic-edu',
    orgUnit: XINGLONG_SCHOOL,
    ledgerEntry: 1,
    steps: [{ as: 'teacher2', activity: 'persuade', data: visit('海老师（演示）', true, '学生同意返校') }],
  },

  // 整改: a batch of feedback items across units; the school's is done and waits for the inspectorate
  {
    title: '整改：第三方评估反馈问题',
    process: 'rectification-batch',
    starter: 'inspector',
    orgUnit: '640422',
    steps: [
      {
        as: 'inspector',
        activity: 'enterItems',
        data: {
          source: '2026年控辍保学第三方评估反馈（演示）',
          items: [
            {
              problem: '控辍保学台账与学籍系统数据不一致',
              unitCode: XIJI_SCHOOL,
              role: 'principal',
              responsiblePerson: '王校长（演示）',
              measures: '逐一核对学籍并更新台账',
              deadline: day(10),
            },
            {
              problem: '包村干部未按月入户走访疑似辍学学生',
              unitCode: '640422100',
              role: 'township-official',
              responsiblePerson: '杨乡镇（演示）',
              measures: '建立入户走访登记制度',
              deadline: day(15),
            },
            {
              problem: '建档立卡学生资助发放台账不全',
              unitCode: '640422',
              role: 'subsidy-centre',
              responsiblePerson: '周资助（演示）',
              measures: '补齐发放台账与签收单',
              deadline: day(20),
            },
            {
              problem: '信息系统未与国家学籍系统按月比对',
              unitCode: '640422',
              role: 'basic-edu-office',
              responsiblePerson: '张基教（演示）',
              measures: '每月导入学籍库并运行三比对',
              deadline: day(20),
            },
            {
              problem: '劝返复学流程各环节时限未写入制度',
              unitCode: '640422',
              role: 'basic-edu-office',
              responsiblePerson: '张基教（演示）',
              measures: '修订流程参数并发布',
              deadline: day(30),
            },
          ],
        },
      },
    ],
  },
  {
    title: '整改：学校已上传佐证，待督导核验',
    process: 'rectification-item',
    starter: 'inspector',
    orgUnit: XIJI_SCHOOL,
    variables: {
      problem: '学校未建立控辍保学月报制度',
      responsibleRole: 'principal',
      responsiblePerson: '王校长（演示）',
      measures: '建立月报制度并按月上报',
      deadline: day(7),
    },
    steps: [
      {
        as: 'principal',
        activity: 'rectify',
        data: { measuresTaken: '已建立月报制度，10月、11月月报已上报', evidence: [FILE], paperSubmitted: true, completedOn: day(0) },
      },
    ],
  },

  {
    title: '整改：已核验销号',
    process: 'rectification-item',
    starter: 'inspector',
    orgUnit: '640422100',
    variables: {
      problem: '吉强镇疑似辍学学生台账未按月更新',
      responsibleRole: 'township-official',
      responsiblePerson: '杨乡镇（演示）',
      measures: '按月更新台账',
      deadline: day(5),
    },
    steps: [
      {
        as: 'township',
        activity: 'rectify',
        data: { measuresTaken: '已按月更新台账并报送督导室', evidence: [FILE], paperSubmitted: true, completedOn: day(0) },
      },
      { as: 'inspector', activity: 'verify', data: { verdict: 'pass', verifyOpinion: '佐证齐全，同意销号' } },
      { as: 'basic-edu', activity: 'archive', data: { paperReceived: true, archiveNo: 'ZG-2026-001', archivedOn: day(0) } },
    ],
  },
  {
    title: '整改：核验两次未通过，整改落实不到位，待纪检组问责',
    process: 'rectification-item',
    starter: 'inspector',
    orgUnit: XIJI_SCHOOL,
    variables: {
      problem: '学校家访记录不全，部分疑似辍学学生无入户记录',
      responsibleRole: 'principal',
      responsiblePerson: '王校长（演示）',
      measures: '补齐家访记录并建立家访登记制度',
      deadline: day(20),
    },
    steps: [
      {
        as: 'principal',
        activity: 'rectify',
        data: { measuresTaken: '已补家访记录', evidence: [FILE], paperSubmitted: true, completedOn: day(0) },
      },
      { as: 'inspector', activity: 'verify', data: { verdict: 'return', verifyOpinion: '仍缺3名学生的入户记录' } },
      {
        as: 'principal',
        activity: 'rectify',
        data: { measuresTaken: '已补2名学生记录', evidence: [FILE], paperSubmitted: true, completedOn: day(0) },
      },
      { as: 'inspector', activity: 'verify', data: { verdict: 'return', verifyOpinion: '仍缺1名学生的入户记录，家访登记制度未建立' } },
    ],
  },

  // 送教上门: a plan waiting for the office, a running plan with a session due
  {
    title: '送教上门：计划待审核',
    process: 'home-teaching',
    starter: 'principal',
    orgUnit: XIJI_SCHOOL,
    student: 6,
    steps: [{ as: 'principal', activity: 'plan', data: plan }],
  },
  {
    title: '送教上门：每周送教',
    process: 'home-teaching',
    starter: 'principal',
    orgUnit: XIJI_SCHOOL,
    student: 7,
    steps: [
      { as: 'principal', activity: 'plan', data: plan },
      { as: 'basic-edu', activity: 'planReview', data: ok('同意') },
    ],
  },

  // 家访: one to record, one waiting for the principal, one filed, one that found a risk and started 帮扶
  { title: '家访：待填写', process: 'home-visit', starter: 'teacher', orgUnit: XIJI_SCHOOL, student: 0, steps: [] },
  {
    title: '家访：待校长审阅',
    process: 'home-visit',
    starter: 'teacher',
    orgUnit: XIJI_SCHOOL,
    student: 1,
    steps: [{ as: 'teacher', activity: 'record', data: homeVisit('父母外出务工，随祖母生活') }],
  },
  {
    title: '家访：已归档',
    process: 'home-visit',
    starter: 'teacher',
    orgUnit: XIJI_SCHOOL,
    student: 2,
    steps: [
      { as: 'teacher', activity: 'record', data: homeVisit('单亲家庭，母亲务农', false) },
      { as: 'principal', activity: 'review', data: ok('已阅') },
    ],
  },
  {
    title: '家访：发现辍学风险，转入帮扶（待制定帮扶计划）',
    process: 'home-visit',
    starter: 'teacher',
    orgUnit: XIJI_SCHOOL,
    student: 5,
    steps: [
      { as: 'teacher', activity: 'record', data: homeVisit('父母外出务工，成绩下滑，有外出打工的想法') },
      { as: 'principal', activity: 'review', data: ok('列入辍学高风险，启动一对一帮扶') },
    ],
  },

  // 包抓: two visits to 吉强镇 done this month (compliant), one to 兴隆镇, and a planned visit for each office
  ...[
    ['basic-edu', '640422100', EARLIER_THIS_MONTH],
    ['basic-edu', '640422100', 0],
    ['subsidy', '640422101', 0],
  ].map(([who, code, offset]): DemoStory => ({
    title: '包抓：已走访',
    process: 'township-visit',
    starter: who as string,
    orgUnit: '640422',
    steps: [{ as: who as string, activity: 'record', data: townshipVisit(code as string, offset as number) }],
  })),
  { title: '包抓：计划走访', process: 'township-visit', starter: 'basic-edu', orgUnit: '640422', steps: [] },
  { title: '包抓：计划走访', process: 'township-visit', starter: 'subsidy', orgUnit: '640422', steps: [] },
  { title: '包抓：计划走访', process: 'township-visit', starter: 'bureau', orgUnit: '640422', steps: [] },
];
