/**
 * Synthetic schools per township, the placeholders a county's org tree starts with until its real school
 * list is imported: the kinds every township has, plus a middle school in towns (镇). Used by the API's demo
 * seed and by the CLI's new-county, so both build the same tree.
 */
export function demoSchools(townshipCode: string, townshipName: string): { code: string; name: string }[] {
  const schools = [
    { code: `${townshipCode}01`, name: `${townshipName}中心小学` },
    { code: `${townshipCode}02`, name: `${townshipName}第二小学` },
  ];
  if (townshipName.endsWith('镇')) schools.push({ code: `${townshipCode}03`, name: `${townshipName}初级中学` });
  return schools;
}
