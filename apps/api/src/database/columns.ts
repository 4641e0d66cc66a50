import { Column, ColumnOptions, PrimaryColumn } from 'typeorm';
import { randomUUID } from 'crypto';

/*
 * Column helpers that mean the same on SQLite and PostgreSQL. Timestamps are stored as ISO-8601 UTC text
 * (fixed width, so they sort and compare as text on both dialects); ids are UUID text made by the app.
 */
export const newId = (): string => randomUUID();

export const IdColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });
export const RefColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 36, ...options });
export const TimestampColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 30, ...options });
export const JsonColumn = (options: ColumnOptions = {}) => Column({ type: 'simple-json', ...options });

export const nowIso = (): string => new Date().toISOString();
