import type { Student } from '@kcbx/api-contract';
import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { studentsApi } from '../../api/students';
import { LatestRequest } from '../../util/latestRequest';

export interface StudentPickerProps {
  value?: string;
  onChange?(id: string | undefined, student: Student | undefined): void;
  placeholder: string;
  /** From the Form.Item: the id its <label for> names, so the search box is labelled. */
  id?: string;
  'aria-describedby'?: string;
}

/** Searches the students in the user's scope as they type (masked ID numbers only, as in every list). */
export function StudentPicker({ value, onChange, placeholder, id, 'aria-describedby': describedBy }: StudentPickerProps) {
  const [options, setOptions] = useState<Student[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // Only the newest word's answer fills the list: an earlier search that answers late is dropped.
  const requests = useRef(new LatestRequest());

  const search = (q: string) => {
    clearTimeout(timer.current);
    // Wait for a pause in typing: one request per word, not per keystroke.
    timer.current = setTimeout(() => {
      setLoading(true);
      void requests.current.run(
        () => studentsApi.list(q.trim(), 1, 20),
        (r) => {
          setOptions(r.items);
          setLoading(false);
        },
        () => {
          setOptions([]);
          setLoading(false);
        },
      );
    }, 300);
  };
  useEffect(() => {
    const pending = requests.current;
    search('');
    return () => {
      clearTimeout(timer.current);
      pending.cancel();
    };
  }, []);

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
      notFoundContent={loading ? <Spin size="small" /> : undefined}
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
