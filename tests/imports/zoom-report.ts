/** Builds a Zoom webinar attendee report as Zoom exports it (BOM, `,`, quoted dates, sections). */
export function zoomWebinarReport(
  rows: Array<{ name: string; email: string; join: string; leave: string; minutes: number; org?: string }>,
  hosts: Array<{ name: string; email: string }> = [],
  others: Array<{ name: string; join: string; leave: string; minutes: number }> = [],
) {
  const lines = [
    'Attendee Report,',
    'Report Generated:,"Mar 12, 2026 12:30 PM"',
    'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,Unique Viewers,Total ' +
      'Users,Max Concurrent Views',
    'Webinaire #1 — Les enjeux,812-345-678,"Mar 12, 2026 09:58:02",124,40,0,30,35,28',
    'Host Details,',
    'Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region ' +
      'Name',
    ...hosts.map((h) => `Yes,${h.name},${h.email},"Mar 12, 2026 09:50:00","Mar 12, 2026 12:05:00",135,No,France`),
    'Panelist Details,',
    'Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region ' +
      'Name',
    'Attendee Details,',
    'Attended,User Name (Original Name),First Name,Last Name,Email,Phone,Registration Time,Approval Status,Join ' +
      'Time,Leave Time,Time in Session (minutes),Is Guest,Collectivité,Country/Region Name',
    ...rows.map((r) => {
      const [first, ...last] = r.name.split(' ');
      return (
        `Yes,${r.name},${first},${last.join(' ')},${r.email},,"Mar 01, 2026 09:14:03",approved,"Mar 12, 2026 ` +
        `${r.join}","Mar 12, 2026 ${r.leave}",${r.minutes},Yes,${r.org ?? ''},France`
      );
    }),
    ...(others.length
      ? ['Other Attended,', 'User Name,Join Time,Leave Time,Time in Session (minutes),Country/Region Name']
      : []),
    ...others.map((o) => `${o.name},"Mar 12, 2026 ${o.join}","Mar 12, 2026 ${o.leave}",${o.minutes},France`),
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
