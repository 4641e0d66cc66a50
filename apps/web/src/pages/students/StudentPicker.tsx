import type { Student } from '@kcbx/api-contract';
import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { studentsApi } from '../../api/students';
import { useLoad } from '../../util/useLoad';

export interface StudentPickerProps {
  value?: string;
  onChange?(id: string | undefined, student: Student | undefined): void;
  placeholder: string;
  /** From the Form.Item: the id its <label for> names, so the search box is labelled. */
  id?: string;
  'aria-describedby'?: string;
}

const NO_STUDENTS: Student[] = [];

/** Searches the students in the user's scope as they type (masked ID numbers only, as in every list). */
export function StudentPicker({ value, onChange, placeholder, id, 'aria-describedby': describedBy }: StudentPickerProps) {
  const [q, setQ] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  // Wait for a pause in typing: one request per word, not per keystroke; only the newest word's answer shows.
  const search = (text: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setQ(text.trim()), 300);
  };
  const found = useLoad(() => studentsApi.list(q, 1, 20), [q]);
  const options = found.error ? NO_STUDENTS : (found.data?.items ?? NO_STUDENTS);

  return (
    <Select
      id={id}
      aria-describedby={describedBy}
      showSearch
      allowClear
      value={value}
      placeholder={placeholder}
      filterOption={false}
      onSearch={search}
      notFoundContent={found.loading ? <Spin size="small" /> : undefined}
      onChange={(id: string | undefined) =>
        onChange?.(
          id,
          options.find((s) => s.id === id),
        )
      }
      options={options.map((s) => ({
        value: s.id,
        label: `${s.name} · ${s.school ?? ''}${s.grade ? ` ${s.grade}` : ''} · ${s.idNumberMasked}`,
      }))}
      data-testid="student-picker"
    />
  );
}
